"""Each rule of the alerts on its own (Django's in-memory mail outbox; tasks run at once)."""

import datetime
import re
import smtplib
import zoneinfo

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.utils import timezone

from alerts import matching, schedule, sending, services, tokens
from alerts.models import (
    DigestRun,
    Frequency,
    Listing,
    MatchedItem,
    Outbox,
    OutboxStatus,
    Subscriber,
    Subscription,
)
from core.publishing import Status
from news import services as news_services
from tests.alerts.helpers import subscribed
from tests.factories import MeetingFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")  # TIME_ZONE: digests go by local time


def alerts_to(address):
    return [
        message
        for message in mail.outbox
        if message.to == [address] and "List-Unsubscribe" in message.extra_headers
    ]


def publish(item, capture):
    with capture(execute=True):
        news_services.publish(item)


def policing_item(tags, **kwargs):
    values = {
        "status": Status.DRAFT,
        "fields_of_work": [tags["policing"]],
        "countries": [tags["serbia"]],
    }
    values.update(kwargs)
    return NewsItemFactory(**values)


# Subscribing --------------------------------------------------------------------------------


def subscribe_page(client, address, query="field_of_work=policing", frequency="daily"):
    page = client.get(f"/alerts/news/?{query}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    hidden = re.search(r'name="filter" value="([^"]*)"', page.content.decode()).group(1)
    return client.post(
        "/alerts/news/",
        {
            "csrfmiddlewaretoken": token.group(1) if token else "",
            "email": address,
            "frequency": frequency,
            "language": "en",
            "filter": hidden.replace("&amp;", "&"),
        },
    )


def without_csrf(content):
    return re.sub(r'value="[^"]{30,}"', "", content.decode())


def test_the_answer_is_the_same_for_new_and_known_addresses(
    tags, django_capture_on_commit_callbacks
):
    subscribed("known@example.net", "field_of_work=policing", frequency=Frequency.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        new = subscribe_page(Client(), "new@example.net")
        known = subscribe_page(Client(), "known@example.net")
    assert new.status_code == known.status_code == 200
    assert without_csrf(new.content) == without_csrf(known.content)
    # What differs goes to the mailbox only.
    [to_new] = [m for m in mail.outbox if m.to == ["new@example.net"]]
    [to_known] = [m for m in mail.outbox if m.to == ["known@example.net"]]
    assert "/alerts/confirm/" in to_new.body
    assert "/alerts/confirm/" not in to_known.body and "/alerts/manage/" in to_known.body
    assert Subscription.objects.filter(subscriber__email="known@example.net").count() == 1


def test_an_invalid_address_is_reported_on_its_field(tags):
    response = subscribe_page(Client(), "not an address")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="id_email_error"' in body
    assert 'aria-describedby="id_email_error"' in body
    assert not Subscriber.objects.exists()


def test_the_filter_is_the_listings_normalised_query_in_words(client, tags):
    page = client.get("/alerts/news/?country=serbia&country=nowhere&field_of_work=policing&page=3")
    body = page.content.decode()
    assert "News in Policing, from Serbia" in body
    assert 'value="field_of_work=policing&amp;country=serbia"' in body
    meetings = client.get("/alerts/meetings/?type=ministerial-council&type=bogus")
    assert "Meetings and conferences of the series Ministerial Council" in meetings.content.decode()


def test_nothing_is_sent_before_confirmation(tags, django_capture_on_commit_callbacks):
    subscription = subscribed("late@example.net", "field_of_work=policing", confirmed=False)
    publish(policing_item(tags, title="Before confirming"), django_capture_on_commit_callbacks)
    assert not Outbox.objects.exists()
    assert not alerts_to("late@example.net")
    services.confirm(subscription)
    publish(policing_item(tags, title="After confirming"), django_capture_on_commit_callbacks)
    [alert] = alerts_to("late@example.net")
    assert "After confirming" in alert.body and "Before confirming" not in alert.body


def test_confirmation_links_expire_after_seven_days(client, tags, clock):
    subscription = subscribed("slow@example.net", confirmed=False)
    url = f"/alerts/confirm/{tokens.confirm_token(subscription)}/"
    assert client.get(url).status_code == 200
    clock.advance(8 * 24 * 3600)
    response = client.get(url)
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert client.post(url).status_code in (400, 403)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(tags, clock):
    subscribed("never@example.net", confirmed=False)
    subscribed("kept@example.net")
    assert services.purge_unconfirmed() == 0
    clock.advance(8 * 24 * 3600)
    assert schedule.tick()["purged"] == 1
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["kept@example.net"]


def test_forged_and_altered_links_are_refused(client, tags):
    subscription = subscribed("forged@example.net")
    good = tokens.manage_token(subscription)
    for token in (good[:-2] + "xx", "garbage", tokens.confirm_token(subscription)):
        assert client.get(f"/alerts/manage/{token}/").status_code == 400
        assert client.post(f"/alerts/unsubscribe/{token}/").status_code == 400
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_rate_limits_per_address_and_per_client(tags, settings):
    settings.ALERTS_RATE_PER_ADDRESS = 2
    settings.ALERTS_RATE_PER_CLIENT = 4
    client = Client()
    assert subscribe_page(client, "busy@example.net").status_code == 200
    assert subscribe_page(client, "busy@example.net").status_code == 200
    limited = subscribe_page(client, "busy@example.net")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "Too many requests" in limited.content.decode()
    assert subscribe_page(client, "other@example.net").status_code == 200
    # Four requests spent from this client: a fifth address is refused too.
    assert subscribe_page(client, "fifth@example.net").status_code == 429
    assert not Subscriber.objects.filter(email="fifth@example.net").exists()
    another_client = Client(REMOTE_ADDR="192.0.2.7")
    assert subscribe_page(another_client, "fifth@example.net").status_code == 200


# What is sent -------------------------------------------------------------------------------


def test_never_a_draft_never_twice_never_one_unpublished(tags, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    subscribed("daily@example.net", "field_of_work=policing", frequency=Frequency.DAILY)
    draft = policing_item(tags, title="Still a draft")
    withdrawn = policing_item(tags, title="Withdrawn before the digest")
    kept = policing_item(tags, title="Kept until the digest")
    with capture(execute=True):
        draft.save()  # a draft saved: nothing
        news_services.publish(withdrawn)
        news_services.publish(kept)
        news_services.unpublish(withdrawn)
    assert schedule.start_digests(timezone.now().replace(hour=12)) or True
    sending.send(sending.owed_subscriptions(Frequency.DAILY))
    [digest] = alerts_to("daily@example.net")
    assert "Kept until the digest" in digest.body
    assert "Withdrawn before the digest" not in digest.body
    assert "Still a draft" not in digest.body

    # Published again, and edited: owed once, the withdrawn one now goes out, the other not
    # again.
    with capture(execute=True):
        news_services.publish(withdrawn)
        kept.title = "Kept, edited"
        kept.save()
        news_services.publish(kept)
    matching.sweep()
    sending.send(sending.owed_subscriptions(Frequency.DAILY))
    digests = alerts_to("daily@example.net")
    assert len(digests) == 2
    assert "Withdrawn before the digest" in digests[1].body
    assert "Kept" not in digests[1].body
    sending.send(sending.owed_subscriptions())
    assert len(alerts_to("daily@example.net")) == 2


def test_scheduled_items_are_sent_when_their_moment_comes(tags, clock):
    subscribed("soon@example.net", "field_of_work=policing")
    item = policing_item(
        tags,
        title="Scheduled policing news",
        status=Status.PUBLISHED,
        publish_at=timezone.now() + datetime.timedelta(minutes=30),
    )
    schedule.tick()
    assert not alerts_to("soon@example.net")
    clock.advance(31 * 60)
    schedule.tick()
    [alert] = alerts_to("soon@example.net")
    assert item.title in alert.body
    schedule.tick()
    assert len(alerts_to("soon@example.net")) == 1


def test_items_older_than_the_lookback_are_never_sent(tags):
    subscribed("old@example.net", "field_of_work=policing")
    policing_item(
        tags, status=Status.PUBLISHED, publish_at=timezone.now() - datetime.timedelta(days=30)
    )
    schedule.tick()
    assert not alerts_to("old@example.net")


def test_each_subscriber_gets_its_language(tags, django_capture_on_commit_callbacks):
    subscribed("en@example.net", "field_of_work=policing", language="en")
    subscribed("de@example.net", "field_of_work=policing", language="de")
    english_only = policing_item(tags, title="English only")
    both = policing_item(tags, title="In both", title_de="Auf Deutsch", in_language_de=True)
    publish(english_only, django_capture_on_commit_callbacks)
    publish(both, django_capture_on_commit_callbacks)
    german = alerts_to("de@example.net")
    assert len(german) == 1
    assert "Auf Deutsch" in german[0].body and "English only" not in german[0].body
    assert german[0].extra_headers["Content-Language"] == "de"
    assert "/de/news/" in german[0].body
    assert "Sie erhalten diese E-Mail" in german[0].body
    assert german[0].subject == "OSZE-Benachrichtigung: Auf Deutsch"
    assert "Nachrichten" in german[0].body
    assert len(alerts_to("en@example.net")) == 2


def test_meeting_alerts_follow_the_series(tags, django_capture_on_commit_callbacks):
    subscribed("council@example.net", "type=ministerial-council", listing=Listing.MEETINGS)
    council = MeetingFactory(
        title="Ministerial Council in Vienna", meeting_type=tags["council"], status=Status.DRAFT
    )
    forum = MeetingFactory(title="Economic Forum", meeting_type=tags["forum"], status=Status.DRAFT)
    publish(council, django_capture_on_commit_callbacks)
    publish(forum, django_capture_on_commit_callbacks)
    [alert] = alerts_to("council@example.net")
    assert "Ministerial Council in Vienna" in alert.body and "Economic Forum" not in alert.body


def test_digest_runs_once_per_period(tags, settings):
    settings.ALERTS_DIGEST_HOUR = 7
    morning = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=VIENNA)  # a Monday
    assert sorted(schedule.start_digests(morning)) == ["daily", "weekly"]
    assert schedule.start_digests(morning + datetime.timedelta(hours=3)) == []
    assert schedule.start_digests(morning + datetime.timedelta(days=1)) == ["daily"]
    early = datetime.datetime(2026, 12, 9, 6, 0, tzinfo=VIENNA)
    assert schedule.start_digests(early) == []
    assert DigestRun.objects.count() == 3


# Sending: idempotent, retried, bounces ------------------------------------------------------


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


# Managing ----------------------------------------------------------------------------------


def test_manage_link_changes_the_frequency_and_unsubscribes(tags):
    subscription = subscribed("manage@example.net", "field_of_work=policing")
    client = Client()
    url = f"/alerts/manage/{tokens.manage_token(subscription)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"
    assert client.post(url, {"frequency": "weekly"}).status_code == 200
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.WEEKLY
    assert client.post(url, {"frequency": "hourly"}).status_code == 200
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.WEEKLY
    assert client.post(url, {"unsubscribe": "1"}).status_code == 200
    assert not Subscription.objects.exists() and not Subscriber.objects.exists()
    assert client.get(url).status_code == 400


def test_the_address_page_lists_every_confirmed_subscription(client, tags):
    first = subscribed("many@example.net", "field_of_work=policing")
    subscribed("many@example.net", "country=serbia", frequency=Frequency.WEEKLY)
    subscribed("many@example.net", "type=ministerial-council", listing=Listing.MEETINGS)
    subscribed("many@example.net", "country=albania", confirmed=False)
    subscribed("someone.else@example.net", "field_of_work=elections")
    body = client.get(f"/alerts/address/{tokens.address_token(first.subscriber)}/").content.decode()
    assert "News in Policing" in body and "News from Serbia" in body
    assert "Meetings and conferences of the series Ministerial Council" in body
    assert "from Albania" not in body and "in Elections" not in body
    assert "many@example.net" not in body


def test_unsubscribe_get_asks_first(client, tags):
    subscription = subscribed("ask@example.net")
    url = f"/alerts/unsubscribe/{tokens.manage_token(subscription)}/"
    assert client.get(url).status_code == 200
    assert Subscription.objects.exists()
    assert client.post(url).status_code == 200
    assert not Subscription.objects.exists()
    # Twice is still done.
    assert client.post(url).status_code == 200


# Privacy -----------------------------------------------------------------------------------


def test_export_and_delete_commands(tags, capsys):
    from django.core.management import call_command

    subscribed("Person@Example.net", "field_of_work=policing")
    subscribed("other@example.net", "field_of_work=policing")
    call_command("alerts_export", "person@example.net")
    exported = capsys.readouterr().out
    assert '"email": "person@example.net"' in exported
    assert "News in Policing" in exported
    call_command("alerts_delete", "PERSON@example.net")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["other@example.net"]


def test_addresses_are_never_logged(tags, caplog, django_capture_on_commit_callbacks):
    caplog.set_level("DEBUG")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe_page(Client(), "secret.person@example.net", frequency="immediate")
    subscription = Subscription.objects.get()
    services.confirm(subscription)
    publish(policing_item(tags), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert "secret.person" not in caplog.text


def test_admin_shows_counts_to_publishers_and_nothing_to_editors(client, tags, publisher, editor):
    subscribed("a@example.net", "field_of_work=policing")
    subscribed("b@example.net", "field_of_work=policing")
    subscribed("c@example.net", "field_of_work=policing", confirmed=False)
    client.force_login(publisher)
    page = client.get("/admin/alerts/alertfilter/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "News in Policing" in body
    assert (
        "a@example.net" not in body
        and "subscriber" not in client.get("/admin/").content.decode().lower()
    )
    client.force_login(editor)
    assert client.get("/admin/alerts/alertfilter/").status_code == 403
    assert MatchedItem.objects.count() == 0


def test_forms_take_posts_in_every_language_and_nothing_else_does(tags):
    client = Client()
    german = subscribe_page(client, "deutsch@example.net")
    assert german.status_code == 200
    response = client.post("/de/alerts/news/", {"email": "x@example.net"})
    assert response.status_code == 200
    assert client.post("/de/news/", {"email": "x@example.net"}).status_code == 405
    assert client.post("/news/").status_code == 405


def test_listings_link_to_their_alerts_and_the_form_defaults_to_the_pages_language(client, tags):
    meetings = client.get("/meetings/?type=ministerial-council&type=nope").content.decode()
    assert 'href="/alerts/meetings/?type=ministerial-council"' in meetings
    german = client.get("/de/alerts/news/?field_of_work=policing").content.decode()
    assert '<option value="de" selected>' in german
    assert "Nachrichten" in german  # the filter in the page's words


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
