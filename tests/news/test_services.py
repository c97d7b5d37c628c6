"""The publishing and image rules (news.services), whatever path calls them."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.publishing import Status
from news import services
from tests.factories import MeetingFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def jpeg(size=(1000, 800)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue())


def stored(item):
    item.refresh_from_db()
    return item


class TestPublish:
    def test_a_draft_goes_live_now(self):
        now = timezone.now()
        item = NewsItemFactory(status=Status.DRAFT, publish_at=now - HOUR * 24)
        assert services.publish(item, now=now) == ["status", "publish_at"]
        item = stored(item)
        assert (item.status, item.publish_at, item.is_published) == (Status.PUBLISHED, now, True)

    def test_a_draft_with_a_future_publish_at_is_scheduled_for_it(self):
        now = timezone.now()
        item = NewsItemFactory(status=Status.DRAFT, publish_at=now + HOUR)
        assert services.publish(item, now=now) == ["status"]
        item = stored(item)
        assert item.is_scheduled and item.publish_at == now + HOUR

    def test_a_live_or_scheduled_item_is_left_alone(self):
        live = NewsItemFactory()
        scheduled = NewsItemFactory(publish_at=timezone.now() + HOUR)
        updated = [live.updated_at, scheduled.updated_at]
        assert services.publish(live) == services.publish(scheduled) == []
        assert [stored(live).updated_at, stored(scheduled).updated_at] == updated

    def test_an_expired_item_is_published_again_without_its_old_end(self):
        now = timezone.now()
        item = NewsItemFactory(publish_at=now - HOUR * 2, expire_at=now - HOUR)
        assert services.publish(item, now=now) == ["status", "publish_at", "expire_at"]
        item = stored(item)
        assert item.is_published and item.expire_at is None

    def test_a_future_end_is_kept(self):
        now = timezone.now()
        item = NewsItemFactory(status=Status.DRAFT, expire_at=now + HOUR)
        services.publish(item, now=now)
        assert stored(item).expire_at == now + HOUR

    def test_meetings_follow_the_same_rules(self):
        meeting = MeetingFactory(status=Status.DRAFT)
        assert services.publish(meeting)
        assert stored(meeting).is_published


class TestSchedule:
    def test_publishes_at_the_moment_given(self):
        moment = timezone.now() + HOUR
        item = NewsItemFactory(status=Status.DRAFT)
        assert services.schedule(item, moment) == ["status", "publish_at"]
        item = stored(item)
        assert item.is_scheduled and item.publish_at == moment

    def test_an_end_before_the_new_start_is_dropped(self):
        now = timezone.now()
        item = NewsItemFactory(status=Status.DRAFT, expire_at=now + HOUR)
        services.schedule(item, now + HOUR * 2, now=now)
        assert stored(item).expire_at is None

    def test_the_same_schedule_again_changes_nothing(self):
        moment = timezone.now() + HOUR
        item = NewsItemFactory(publish_at=moment)
        assert services.schedule(item, moment) == []

    def test_a_moment_in_the_past_is_refused(self):
        item = NewsItemFactory(status=Status.DRAFT)
        with pytest.raises(ValueError):
            services.schedule(item, timezone.now() - HOUR)
        assert stored(item).status == Status.DRAFT


class TestUnpublish:
    def test_a_live_item_becomes_a_draft_and_keeps_its_dates(self):
        item = NewsItemFactory()
        publish_at = item.publish_at
        assert services.unpublish(item) == ["status"]
        item = stored(item)
        assert (item.status, item.publish_at) == (Status.DRAFT, publish_at)

    def test_a_draft_is_left_alone(self):
        item = NewsItemFactory(status=Status.DRAFT)
        assert services.unpublish(item) == []


class TestRenditions:
    def test_saving_an_item_runs_no_pillow(self):
        item = NewsItemFactory(image_alt="A picture")
        item.image = jpeg()
        item.save()
        assert stored(item).image_renditions is None

    def test_made_for_a_new_image_and_dropped_with_it(self):
        item = NewsItemFactory(image_alt="A picture")
        item.image = jpeg()
        item.save()
        assert services.refresh_renditions(item) is True
        renditions = stored(item).image_renditions
        assert renditions["source"] == item.image.name
        assert {"card", "hero"} == set(renditions["slots"])
        assert services.refresh_renditions(item) is False
        item.image = None
        item.save()
        assert services.refresh_renditions(item) is True
        assert stored(item).image_renditions is None
