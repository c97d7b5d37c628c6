"""Sending alerts: a stopped batch resumes without duplicates or losses, claims, retries with
backoff, hard bounces suspended, failed digests and unreachable servers."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from alerts import matching, schedule, sending
from alerts.models import (
    Listing,
    Outbox,
    OutboxStatus,
    Subscriber,
    Subscription,
)
from core.publishing import Status
from tests.alerts.helpers import alerts_to, policing_item, subscribed

pytestmark = pytest.mark.django_db


class FailingAfter(EmailBackend):
    """Accepts `limit` mails, then the connection drops (a worker's SMTP server going away
    mid-batch, or the worker killed)."""

    limit = 0
    sent = 0

    def send_messages(self, messages):
        if FailingAfter.sent >= FailingAfter.limit:
            raise smtplib.SMTPServerDisconnected("gone")
        FailingAfter.sent += len(messages)
        return super().send_messages(messages)


def owe_to_many(tags, count):
    subscriptions = [
        subscribed(f"reader{n}@example.net", "field_of_work=policing") for n in range(count)
    ]
    item = policing_item(tags, status=Status.PUBLISHED, title="For everyone")
    matching.match(Listing.NEWS, [item.pk])
    return subscriptions


def test_a_batch_stopped_midway_resumes_without_duplicates_or_losses(tags):
    subscriptions = owe_to_many(tags, 7)
    ids = [subscription.pk for subscription in subscriptions]
    FailingAfter.limit, FailingAfter.sent = 3, 0
    assert sending.send(ids, connection=FailingAfter(alias="failing")) == 3
    assert len(mail.outbox) == 3
    assert Outbox.objects.filter(status=OutboxStatus.SENT).count() == 3
    # Claims are released: a restarted worker picks the rest up (after the backoff of the one
    # that failed).
    later = timezone.now() + datetime.timedelta(minutes=5)
    assert sending.send(ids, now=later) == 4
    assert sending.send(ids, now=later) == 0
    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == sorted(f"reader{n}@example.net" for n in range(7))


def test_a_claimed_subscription_is_not_sent_by_a_second_worker(tags):
    [subscription] = owe_to_many(tags, 1)
    now = timezone.now()
    sending.claim([subscription.pk], now)
    assert sending.send([subscription.pk], now=now) == 0
    # A killed worker's claim runs out.
    assert sending.send([subscription.pk], now=now + datetime.timedelta(minutes=11)) == 1


class Refusing(EmailBackend):
    code = 550

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (Refusing.code, b"no such user")})


def test_temporary_failures_are_retried_with_backoff(tags, clock):
    [subscription] = owe_to_many(tags, 1)
    Refusing.code = 451
    now = timezone.now()
    assert sending.send([subscription.pk], now=now, connection=Refusing(alias="r")) == 0
    row = Outbox.objects.get()
    assert row.attempts == 1 and row.next_attempt_at == now + datetime.timedelta(minutes=1)
    assert sending.send([subscription.pk], now=now + datetime.timedelta(seconds=30)) == 0
    retry = now + datetime.timedelta(minutes=1)
    sending.send([subscription.pk], now=retry, connection=Refusing(alias="r"))
    row.refresh_from_db()
    assert row.attempts == 2 and row.next_attempt_at == retry + datetime.timedelta(minutes=2)
    assert Subscriber.objects.get().hard_bounces == 0
    clock.advance(4 * 60)
    owed = schedule.retry_due(timezone.now())
    assert owed == [subscription.pk]
    assert len(alerts_to("reader0@example.net")) == 1


def test_addresses_that_hard_bounce_are_suspended(tags, settings):
    settings.ALERTS_BOUNCE_LIMIT = 2
    [subscription] = owe_to_many(tags, 1)
    Refusing.code = 550
    now = timezone.now()
    for minutes in (0, 5):
        sending.send(
            [subscription.pk],
            now=now + datetime.timedelta(minutes=minutes),
            connection=Refusing(alias="r"),
        )
    subscriber = Subscriber.objects.get()
    assert subscriber.hard_bounces == 2 and subscriber.suspended_at is not None
    assert sending.send([subscription.pk], now=now + datetime.timedelta(hours=1)) == 0
    # Nothing more is owed to a suspended address.
    item = policing_item(tags, status=Status.PUBLISHED)
    matching.match(Listing.NEWS, [item.pk])
    assert Outbox.objects.count() == 1
    assert not mail.outbox


def test_a_digest_that_fails_is_retried_after_its_backoff_not_a_period_later(tags, clock):
    subscription = subscribed("digest@example.net", "field_of_work=policing", frequency="daily")
    item = policing_item(tags, status=Status.PUBLISHED, title="Digest retry")
    matching.match(Listing.NEWS, [item.pk])
    Refusing.code = 421
    assert sending.send([subscription.pk], connection=Refusing(alias="r")) == 0
    assert schedule.retry_due(timezone.now()) == []
    clock.advance(2 * 60)
    assert schedule.retry_due(timezone.now()) == [subscription.pk]
    [digest] = alerts_to("digest@example.net")
    assert "Digest retry" in digest.body


def test_an_unreachable_server_leaves_the_batch_due_again(tags, clock):
    subscriptions = owe_to_many(tags, 3)
    FailingAfter.limit, FailingAfter.sent = 1, 0
    ids = [subscription.pk for subscription in subscriptions]
    assert sending.send(ids, connection=FailingAfter(alias="failing")) == 1
    assert not Subscription.objects.exclude(claim="").exists()
    clock.advance(2 * 60)
    schedule.retry_due(timezone.now())
    assert sorted(message.to[0] for message in mail.outbox) == [
        f"reader{n}@example.net" for n in range(3)
    ]
