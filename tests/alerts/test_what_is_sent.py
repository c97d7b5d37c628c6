"""What alerts send: never a draft, never twice, never one unpublished; scheduled items on time;
each subscriber's language; meeting series; one digest per period."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from alerts import matching, schedule, sending
from alerts.models import (
    DigestRun,
    Frequency,
    Listing,
)
from core.publishing import Status
from news import services as news_services
from tests.alerts.helpers import alerts_to, policing_item, publish, subscribed
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")  # TIME_ZONE: digests go by local time


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
