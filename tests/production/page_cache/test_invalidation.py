"""The shared page cache (osce_site.page_cache) follows every change: saves through the ORM,
the admin and commands, scheduled publishing, deep pages."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from news.listing.paginator import IdsFirstPaginator
from news.models import NewsItem
from osce_site.page_cache import HEADER
from tests.factories import (
    FieldOfWorkFactory,
    NewsItemFactory,
    StructureFactory,
)
from tests.news.admin.helpers import REASON, news_item_post, publishing_fields
from tests.production.page_cache.pages import fetch

pytestmark = pytest.mark.django_db

NEWS_CHANGELIST = reverse("admin:news_newsitem_changelist")


class TestInvalidationThroughTheOrm:
    def test_edit(self, visitor, site):
        fetch(visitor, "/news/")
        fetch(visitor, "/news/border-police-trained/")
        site.title = "Border police trained again"
        site.save()
        for url in ("/news/", "/news/border-police-trained/", "/", "/news/feed/"):
            response, text = fetch(visitor, url)
            assert response[HEADER] == "MISS", url
            assert "Border police trained again" in text, url

    def test_unpublish_and_publish(self, visitor, site):
        fetch(visitor, "/news/border-police-trained/")
        site.status = Status.DRAFT
        site.save()
        assert visitor.get("/news/border-police-trained/").status_code == 404
        assert "Border police trained" not in fetch(visitor, "/news/")[1]
        site.status = Status.PUBLISHED
        site.save()
        assert visitor.get("/news/border-police-trained/").status_code == 200
        assert "Border police trained" in fetch(visitor, "/news/")[1]

    def test_delete(self, visitor, site):
        fetch(visitor, "/news/")
        site.delete()
        assert "Border police trained" not in fetch(visitor, "/news/")[1]
        assert visitor.get("/news/border-police-trained/").status_code == 404

    def test_a_tag_added_shows_on_the_filtered_listing(self, visitor, site):
        other = FieldOfWorkFactory(slug="elections", name="Elections")
        assert "Border police trained" not in fetch(visitor, "/news/?field_of_work=elections")[1]
        site.fields_of_work.add(other)
        assert "Border police trained" in fetch(visitor, "/news/?field_of_work=elections")[1]

    def test_a_taxonomy_rename_shows_on_every_page(self, visitor, site):
        fetch(visitor, "/meetings/")
        field = site.fields_of_work.get()
        field.name = "Policing and borders"
        field.save()
        assert "Policing and borders" in fetch(visitor, "/news/")[1]


class TestInvalidationThroughTheAdmin:
    def test_publish_and_unpublish_actions(self, visitor, newsroom, site):
        draft = NewsItemFactory(title="Election statement", status=Status.DRAFT)
        assert "Election statement" not in fetch(visitor, "/news/")[1]
        newsroom.post(
            NEWS_CHANGELIST,
            {"action": "publish_selected", **REASON, "_selected_action": [draft.pk]},
        )
        assert "Election statement" in fetch(visitor, "/news/")[1]
        assert visitor.get(draft.get_absolute_url()).status_code == 200
        newsroom.post(
            NEWS_CHANGELIST, {"action": "unpublish_selected", "_selected_action": [draft.pk]}
        )
        assert "Election statement" not in fetch(visitor, "/news/")[1]
        assert visitor.get(draft.get_absolute_url()).status_code == 404

    def test_adding_through_the_form(self, visitor, newsroom, site):
        fetch(visitor, "/news/")
        data = news_item_post(
            [StructureFactory()],
            title="Added in the admin",
            slug="added-in-the-admin",
            **publishing_fields(Status.PUBLISHED),
        )
        response = newsroom.post(reverse("admin:news_newsitem_add"), data)
        assert response.status_code == 302
        assert "Added in the admin" in fetch(visitor, "/news/")[1]

    def test_editing_through_the_form(self, visitor, newsroom, site):
        fetch(visitor, "/news/border-police-trained/")
        data = news_item_post(
            site.ordered_issuers,
            title="Edited in the admin",
            slug=site.slug,
            **publishing_fields(Status.PUBLISHED),
        )
        data.update({"issuers-INITIAL_FORMS": "1", "issuers-0-id": str(site.issuers.get().pk)})
        data["issuers-0-news_item"] = str(site.pk)
        response = newsroom.post(reverse("admin:news_newsitem_change", args=[site.pk]), data)
        assert response.status_code == 302
        assert "Edited in the admin" in fetch(visitor, "/news/border-police-trained/")[1]

    def test_deleting_through_the_form_and_the_bulk_action(self, visitor, newsroom, site):
        other = NewsItemFactory(title="Another item")
        fetch(visitor, "/news/")
        newsroom.post(reverse("admin:news_newsitem_delete", args=[site.pk]), {"post": "yes"})
        assert "Border police trained" not in fetch(visitor, "/news/")[1]
        newsroom.post(
            NEWS_CHANGELIST,
            {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
        )
        assert not NewsItem.objects.exists()
        assert "Another item" not in fetch(visitor, "/news/")[1]


class TestInvalidationByCommands:
    def test_seed_demo_bulk_writes_move_the_version(self, visitor, taxonomy):
        fetch(visitor, "/news/")
        call_command("seed_demo", news=5, seed=3, verbosity=0)
        response, text = fetch(visitor, "/news/")
        assert response[HEADER] == "MISS"
        item = NewsItem.objects.published().order_by("-issued_on", "-id").first()
        assert item.title in text

    def test_load_taxonomy_moves_the_version(self, visitor, db):
        fetch(visitor, "/fields-of-work/")
        call_command("load_taxonomy", verbosity=0)
        response, text = fetch(visitor, "/fields-of-work/")
        assert response[HEADER] == "MISS"
        assert "Policing" in text

    def test_import_news_moves_the_version(self, visitor, taxonomy, tmp_path):
        fetch(visitor, "/news/")
        path = tmp_path / "news.json"
        path.write_text(
            '[{"title": "Imported statement", "issued_on": "2025-01-02", '
            '"issued_by": ["Secretariat"], "type": "press-release", '
            '"teaser": "T", "body": "<p>B</p>", '
            '"source_url": "https://www.example.org/imported"}]'
        )
        call_command("import_news", str(path), verbosity=0)
        assert "Imported statement" in fetch(visitor, "/news/")[1]


class TestScheduledPublishing:
    def test_a_scheduled_item_appears_at_its_publish_time_without_any_save(
        self, visitor, site, clock
    ):
        # Far enough ahead that a slow render still leaves the page a whole second to live.
        go_live = timezone.now() + datetime.timedelta(seconds=5)
        NewsItemFactory(title="Scheduled statement", slug="scheduled", publish_at=go_live)
        first, text = fetch(visitor, "/news/")
        assert "Scheduled statement" not in text
        # Browsers and shared caches may not keep the page past the go-live moment either.
        assert int(first["Cache-Control"].split("max-age=")[1].split(",")[0]) <= 5
        assert visitor.get("/news/")[HEADER] == "HIT"
        assert visitor.get("/news/scheduled/").status_code == 404
        clock.advance(max(0.0, (go_live - timezone.now()).total_seconds()) + 0.1)
        response, text = fetch(visitor, "/news/")
        assert response[HEADER] == "MISS"
        assert "Scheduled statement" in text
        assert visitor.get("/news/scheduled/").status_code == 200

    def test_an_item_disappears_at_its_expiry_without_any_save(self, visitor, site, clock):
        expiry = timezone.now() + datetime.timedelta(seconds=5)
        NewsItemFactory(title="Short-lived notice", slug="short-lived", expire_at=expiry)
        assert "Short-lived notice" in fetch(visitor, "/news/")[1]
        assert visitor.get("/news/")[HEADER] == "HIT"
        clock.advance(max(0.0, (expiry - timezone.now()).total_seconds()) + 0.1)
        assert "Short-lived notice" not in fetch(visitor, "/news/")[1]
        assert visitor.get("/news/short-lived/").status_code == 404

    def test_a_stored_page_never_outlives_the_next_scheduled_change(self, visitor, site):
        NewsItemFactory(publish_at=timezone.now() + datetime.timedelta(seconds=30))
        visitor.get("/news/")
        (key,) = [key for key in cache._cache if ":page:" in key]
        expires_in = cache._expire_info[key] - time.time()
        assert 0 < expires_in <= 31


class TestDeepPages:
    @pytest.fixture
    def many(self, monkeypatch):
        monkeypatch.setattr(IdsFirstPaginator, "max_pages", 2)
        NewsItemFactory.create_batch(45)

    def test_the_last_page_served_says_why_there_are_no_more(self, visitor, many):
        response, text = fetch(visitor, "/news/?page=2")
        assert response.status_code == 200
        assert "Only the first 2 pages of results are shown" in text
        assert 'href="?page=3"' not in text
        assert "45 news items" in text

    def test_earlier_pages_carry_no_notice(self, visitor, many):
        assert "Only the first" not in fetch(visitor, "/news/")[1]

    def test_a_page_past_the_cap_is_404(self, visitor, many):
        assert visitor.get("/news/?page=3").status_code == 404

    def test_no_notice_when_everything_fits(self, visitor, monkeypatch):
        monkeypatch.setattr(IdsFirstPaginator, "max_pages", 3)
        NewsItemFactory.create_batch(45)
        assert "Only the first" not in fetch(visitor, "/news/?page=3")[1]
