"""The rules of subscribing, whoever calls them (the pages, the commands, the tests).

`subscribe` answers nothing about the address: whether it is new, already subscribed or
suspended, the caller says the same ("check your mailbox"), and what differs happens in the
mail the owner of the address receives (a confirmation link, or a note with the manage link).
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import tasks
from .models import AlertFilter, Frequency, Subscriber, Subscription, filter_digest

UNCONFIRMED_DAYS = 7


def normalise_email(email):
    """One row per mailbox: the domain is case-insensitive, and so in practice is the local
    part."""
    return email.strip().lower()


def alert_filter(listing, language, query):
    digest = filter_digest(listing, language, query)
    found = AlertFilter.objects.filter(digest=digest).first()
    if found:
        return found
    try:
        with transaction.atomic():
            return AlertFilter.objects.create(listing=listing, language=language, query=query)
    except IntegrityError:
        return AlertFilter.objects.get(digest=digest)


@transaction.atomic
def subscribe(email, listing, language, query, frequency):
    """Record the request and enqueue the mail that answers it (at the commit). Returns the
    subscription; callers must not tell the visitor anything that depends on it."""
    subscriber, _created = Subscriber.objects.get_or_create(email=normalise_email(email))
    chosen = alert_filter(listing, language, query)
    subscription, created = Subscription.objects.get_or_create(
        subscriber=subscriber, filter=chosen, defaults={"frequency": frequency}
    )
    if subscription.confirmed_at is None:
        if not created and subscription.frequency != frequency:
            subscription.frequency = frequency
            subscription.save(update_fields=["frequency"])
        kind = "confirm"
    else:
        # Already following this filter: its owner gets the manage link, not a second
        # subscription; a stranger typing the address learns nothing.
        kind = "already"
    pk = subscription.pk
    transaction.on_commit(lambda: tasks.send_notice.enqueue(pk, kind))
    return subscription


def confirm(subscription, now=None):
    """The owner of the address followed the link: mails may be sent from now on. An address
    that had been suspended for bounces has just shown that it receives mail again."""
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now or timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    Subscriber.objects.filter(pk=subscription.subscriber_id).update(
        hard_bounces=0, suspended_at=None
    )


def set_frequency(subscription, frequency):
    if frequency in Frequency.values and subscription.frequency != frequency:
        subscription.frequency = frequency
        subscription.save(update_fields=["frequency"])


@transaction.atomic
def unsubscribe(subscription):
    """End it; nothing more is sent for it (its outbox goes with it). An address with no
    subscription left is deleted: it is kept for no other reason."""
    subscriber_id, filter_id = subscription.subscriber_id, subscription.filter_id
    Subscription.objects.filter(pk=subscription.pk).delete()
    _delete_unused(subscriber_ids=[subscriber_id], filter_ids=[filter_id])


def _delete_unused(subscriber_ids=None, filter_ids=None):
    subscribers = Subscriber.objects.filter(subscriptions__isnull=True)
    filters = AlertFilter.objects.filter(subscriptions__isnull=True)
    if subscriber_ids is not None:
        subscribers = subscribers.filter(pk__in=subscriber_ids)
    if filter_ids is not None:
        filters = filters.filter(pk__in=filter_ids)
    subscribers.delete()
    filters.delete()


@transaction.atomic
def purge_unconfirmed(now=None):
    """Delete subscriptions never confirmed within `UNCONFIRMED_DAYS`, and the addresses and
    filters left without any. Returns how many subscriptions went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=UNCONFIRMED_DAYS)
    deleted, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    _delete_unused()
    return deleted


def export(email):
    """Everything stored about an address, as plain data (a request under the GDPR)."""
    from .filters import describe

    subscriber = Subscriber.objects.filter(email=normalise_email(email)).first()
    if subscriber is None:
        return None
    return {
        "email": subscriber.email,
        "created_at": subscriber.created_at.isoformat(),
        "hard_bounces": subscriber.hard_bounces,
        "suspended_at": subscriber.suspended_at and subscriber.suspended_at.isoformat(),
        "subscriptions": [
            {
                "listing": subscription.filter.listing,
                "language": subscription.filter.language,
                "filter": subscription.filter.query,
                "description": describe(
                    subscription.filter.listing,
                    subscription.filter.language,
                    subscription.filter.query,
                ),
                "frequency": subscription.frequency,
                "created_at": subscription.created_at.isoformat(),
                "confirmed_at": subscription.confirmed_at and subscription.confirmed_at.isoformat(),
                "last_sent_at": subscription.last_sent_at and subscription.last_sent_at.isoformat(),
                "items_sent": subscription.outbox.filter(status="sent").count(),
            }
            for subscription in subscriber.subscriptions.select_related("filter").order_by("pk")
        ],
    }


@transaction.atomic
def delete(email):
    """Delete an address with its subscriptions and outbox; True when there was one."""
    subscriber = Subscriber.objects.filter(email=normalise_email(email)).first()
    if subscriber is None:
        return False
    filter_ids = list(subscriber.subscriptions.values_list("filter_id", flat=True))
    subscriber.delete()
    _delete_unused(filter_ids=filter_ids)
    return True
