"""The one definition of "visible to the public", shared by news items and meetings."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.abstract_models import CleanTextModel


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Every public path (lists, details, feeds, sitemaps, search, counts) goes through here."""
        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now).filter(
            models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now)
        )

    def scheduled(self, now=None):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=now or timezone.now())


class Publishable(CleanTextModel):
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        help_text=_("A published item goes live at this moment; a future time schedules it."),
    )
    expire_at = models.DateTimeField(
        _("expire at"),
        null=True,
        blank=True,
        help_text=_("Optional: the item leaves the public site at this moment."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.publish_at <= now
            and (self.expire_at is None or self.expire_at > now)
        )

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def public_state(self):
        """A label for editors: what a visitor sees of this item right now."""
        if self.status == Status.DRAFT:
            return _("Draft")
        if self.is_scheduled:
            return _("Scheduled")
        if self.expire_at is not None and self.expire_at <= timezone.now():
            return _("Expired")
        return _("Live")


def publishing_constraints(prefix):
    return [
        models.CheckConstraint(
            condition=models.Q(status__in=Status.values), name=f"{prefix}_status_valid"
        ),
        models.CheckConstraint(
            condition=models.Q(expire_at__isnull=True)
            | models.Q(expire_at__gt=models.F("publish_at")),
            name=f"{prefix}_expires_after_publishing",
        ),
    ]
