"""E-mail alerts: who follows which listing filter, and what has been sent to whom.

- `Subscriber`: one row per e-mail address (personal data, stored once): its bounces and
  whether sending to it is suspended.
- `AlertFilter`: one row per distinct (listing, language, normalised query). Items are matched
  against these, never against subscriptions one by one: 100,000 subscriptions share a few
  thousand filters.
- `Subscription`: a subscriber following a filter at a frequency; `confirmed_at` is empty until
  the confirmation link is followed (double opt-in), and nothing is sent before it.
- `MatchedItem`: an item (per listing and language) that has been matched against the filters,
  so it is matched once, whichever of the publish signal and the sweep sees it first.
- `Outbox`: one row per (subscription, item): what is owed and what was sent. Unique, so an
  item is never owed twice; a mail marks its rows sent, so a restarted worker resends nothing.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Listing(models.TextChoices):
    NEWS = "news", _("News")
    MEETINGS = "meetings", _("Meetings and conferences")
    PROJECTS = "projects", _("Projects")
    DOCUMENTS = "documents", _("Publications")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as published")
    DAILY = "daily", _("Once a day")
    WEEKLY = "weekly", _("Once a week")


class Subscriber(models.Model):
    email = models.EmailField(max_length=254, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    hard_bounces = models.PositiveSmallIntegerField(default=0)
    suspended_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        # Never the address: strings of rows end up in logs and admin messages.
        return f"subscriber {self.pk}"


def filter_digest(listing, language, query):
    return hashlib.sha256(f"{listing}\n{language}\n{query}".encode()).hexdigest()


class AlertFilter(models.Model):
    listing = models.CharField(_("listing"), max_length=16, choices=Listing.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The listing's normalised query string (known values, fixed key order, no sort or page).
    query = models.TextField(_("filter"), blank=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert filter")
        verbose_name_plural = _("alert filters")

    def __str__(self):
        return f"{self.listing}?{self.query} [{self.language}]"

    def save(self, *args, **kwargs):
        self.digest = filter_digest(self.listing, self.language, self.query)
        super().save(*args, **kwargs)


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    filter = models.ForeignKey(AlertFilter, on_delete=models.PROTECT, related_name="subscriptions")
    frequency = models.CharField(
        max_length=16, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # A worker sending this subscription's mail holds it until then (alerts.sending): two
    # workers never send the same rows, and a killed worker's claim runs out.
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    claim = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "filter"], name="subscription_unique_filter"
            )
        ]
        indexes = [
            models.Index(fields=["filter", "frequency"], name="subscription_filter"),
            models.Index(fields=["confirmed_at", "created_at"], name="subscription_confirmed"),
        ]

    def __str__(self):
        return f"subscription {self.pk}"


class MatchedItem(models.Model):
    listing = models.CharField(max_length=16, choices=Listing.choices)
    item_id = models.BigIntegerField()
    language = models.CharField(max_length=8)
    matched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "item_id", "language"], name="matcheditem_unique"
            )
        ]

    def __str__(self):
        return f"{self.listing} {self.item_id} [{self.language}]"


class OutboxStatus(models.TextChoices):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class Outbox(models.Model):
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="outbox")
    item_id = models.BigIntegerField()
    status = models.CharField(
        max_length=8, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # A failed send is tried again from then on (exponential backoff, alerts.sending).
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "item_id"], name="outbox_unique_item")
        ]
        indexes = [models.Index(fields=["status", "subscription"], name="outbox_pending")]

    def __str__(self):
        return f"item {self.item_id} for subscription {self.subscription_id}: {self.status}"


class DigestRun(models.Model):
    """One daily or weekly digest run per period ("2026-12-04", "2026-W49"): the tick that
    creates the row enqueues the run, so a run is never started twice."""

    frequency = models.CharField(max_length=16, choices=Frequency.choices)
    period = models.CharField(max_length=16)
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["frequency", "period"], name="digestrun_unique")
        ]

    def __str__(self):
        return f"{self.frequency} {self.period}"
