"""The shared page cache (osce_site.page_cache): fast for visitors, and never wrong.

Every test turns the cache on; an anonymous `Client` plays the visitor, a second client signed
in as a publisher plays the newsroom.
"""

import datetime
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from news.listing.paginator import IdsFirstPaginator
from news.models import NewsItem
from osce_site.page_cache import HEADER, PageCacheMiddleware
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    NewsItemFactory,
    StructureFactory,
)
from tests.news.admin.helpers import news_item_post, publishing_fields

pytestmark = pytest.mark.django_db

NEWS_CHANGELIST = reverse("admin:news_newsitem_changelist")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def newsroom(publisher):
    """A publisher signed in as through the login form: the response that signs someone in
    carries the marker by which the page cache knows them (osce_site.signed_in)."""
    client = Client()
    client.force_login(publisher)
    client.get("/admin/")
    return client


@pytest.fixture
def site():
    structure = StructureFactory(slug="secretariat", name="Secretariat")
    field = FieldOfWorkFactory(slug="policing", name="Policing")
    country = CountryFactory(slug="serbia", name="Serbia")
    item = NewsItemFactory(
        title="Border police trained",
        slug="border-police-trained",
        issued_by=[structure],
        fields_of_work=[field],
        countries=[country],
    )
    MeetingFactory(slug="ministerial-council", fields_of_work=[field])
    return item


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


PUBLIC_PAGES = [
    "/",
    "/news/",
    "/news/?field_of_work=policing&country=serbia",
    "/news/border-police-trained/",
    "/news/feed/",
    "/news/feed/?field_of_work=policing",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/fields-of-work/",
    "/fields-of-work/policing/",
    "/countries/",
    "/countries/serbia/",
    "/structures/",
    "/structures/secretariat/",
    "/meetings/",
    "/meetings/ministerial-council/",
    "/search/?q=police",
    "/robots.txt",
]


class TestWhatIsCached:
    @pytest.mark.parametrize("url", PUBLIC_PAGES)
    def test_second_anonymous_request_is_a_hit_with_the_same_page_and_no_query(
        self, visitor, site, url, django_assert_num_queries
    ):
        first = visitor.get(url)
        assert first.status_code == 200
        assert first[HEADER] == "MISS"
        with django_assert_num_queries(0):
            second = visitor.get(url)
        assert second[HEADER] == "HIT"
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert second["ETag"] == first["ETag"]

    def test_a_missing_page_is_never_stored_and_appears_when_published(self, visitor, site):
        """Random paths cannot fill the cache, and nobody keeps a 404 (`no-cache`)."""
        for _ in range(2):
            missing = visitor.get("/news/not-yet/")
            assert missing.status_code == 404
            assert HEADER not in missing
            assert missing["Cache-Control"] == "no-cache"
        NewsItemFactory(slug="not-yet", title="Now it exists")
        response, text = fetch(visitor, "/news/not-yet/")
        assert response.status_code == 200
        assert "Now it exists" in text

    def test_query_parameters_in_another_order_are_the_same_page(self, visitor, site):
        visitor.get("/news/?field_of_work=policing&country=serbia")
        response = visitor.get("/news/?country=serbia&field_of_work=policing")
        assert response[HEADER] == "HIT"

    def test_different_filters_are_different_pages(self, visitor, site):
        visitor.get("/news/?country=serbia")
        assert visitor.get("/news/?field_of_work=policing")[HEADER] == "MISS"

    def test_each_host_has_its_own_pages(self, visitor, site, settings):
        settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
        visitor.get("/news/")
        assert visitor.get("/news/", HTTP_HOST="other.example.org")[HEADER] == "MISS"

    def test_a_host_the_site_does_not_serve_gets_400_not_a_cached_page(self, visitor, site):
        visitor.get("/news/")
        response = visitor.get("/news/", HTTP_HOST="evil.example.com")
        assert response.status_code == 400
        assert HEADER not in response

    def test_head_is_answered_from_the_page_a_get_stored(self, visitor, site):
        visitor.get("/news/")
        response = visitor.head("/news/")
        assert response[HEADER] == "HIT"
        assert response.status_code == 200


class TestConditionalGet:
    def test_revalidation_with_the_etag_is_answered_304_from_the_cache(
        self, visitor, site, django_assert_num_queries
    ):
        etag = visitor.get("/news/")["ETag"]
        assert etag.startswith('"')
        with django_assert_num_queries(0):
            response = visitor.get("/news/", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        assert response.content == b""

    def test_a_stale_etag_gets_the_new_page(self, visitor, site):
        etag = visitor.get("/news/")["ETag"]
        site.title = "A new title"
        site.save()
        response = visitor.get("/news/", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200
        assert "A new title" in response.content.decode()
        assert response["ETag"] != etag

    def test_last_modified_from_the_feed_is_kept_and_answered_304(self, visitor, site):
        first = visitor.get("/news/feed/")
        if "Last-Modified" in first:
            response = visitor.get("/news/feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
            assert response.status_code == 304


class TestWhoNeverSharesACachedPage:
    def test_signed_in_users_neither_get_nor_seed_cached_pages(self, visitor, newsroom, site):
        visitor.get("/news/")
        for _ in range(2):
            response = newsroom.get("/news/")
            assert HEADER not in response
            assert "private" in response["Cache-Control"]
        cache.clear()
        newsroom.get("/")
        assert visitor.get("/")[HEADER] == "MISS"

    def test_an_editors_preview_is_never_stored(self, visitor, newsroom, site):
        NewsItemFactory(slug="draft-news", title="Secret draft", status=Status.DRAFT)
        preview, text = fetch(newsroom, "/news/draft-news/")
        assert preview.status_code == 200 and "Secret draft" in text
        response, text = fetch(visitor, "/news/draft-news/")
        assert response.status_code == 404
        assert "Secret draft" not in text

    def test_the_admin_is_never_cached(self, visitor, site):
        for _ in range(2):
            response = visitor.get("/admin/login/")
            assert HEADER not in response

    def test_the_health_check_is_never_cached(self, visitor, site):
        visitor.get("/healthz")
        assert visitor.get("/healthz").get(HEADER) is None

    def test_cache_switched_off_serves_every_request_fresh(self, visitor, site, settings):
        settings.PAGE_CACHE = False
        visitor.get("/news/")
        assert HEADER not in visitor.get("/news/")


class TestResponsesThatAreNotStored:
    """The middleware's rules, on responses no view of ours makes today."""

    def run(self, make_response, request=None):
        request = request or RequestFactory().get("/somewhere/")
        middleware = PageCacheMiddleware(lambda request: make_response())
        middleware(request)
        return middleware(request)

    @pytest.mark.parametrize(
        "make_response",
        [
            pytest.param(lambda: HttpResponse("x", status=500), id="server-error"),
            pytest.param(lambda: HttpResponse("x", status=302), id="temporary-redirect"),
            pytest.param(lambda: HttpResponse("x", status=403), id="forbidden"),
            pytest.param(
                lambda: HttpResponse("x", headers={"Cache-Control": "private"}), id="private"
            ),
            pytest.param(
                lambda: HttpResponse("x", headers={"Cache-Control": "no-store"}), id="no-store"
            ),
            pytest.param(
                lambda: HttpResponse("x", headers={"Cache-Control": "max-age=0"}), id="max-age-0"
            ),
            pytest.param(
                lambda: HttpResponse("x", headers={"Vary": "User-Agent"}), id="varies-on-agent"
            ),
            pytest.param(lambda: StreamingHttpResponse(iter([b"x"])), id="streaming"),
        ],
    )
    def test_not_stored(self, site, make_response):
        assert HEADER not in self.run(make_response)

    def test_a_response_that_sets_a_cookie_is_not_stored(self, site):
        def make():
            response = HttpResponse("x")
            response.set_cookie("csrftoken", "abc")
            return response

        assert HEADER not in self.run(make)

    def test_a_page_that_used_the_csp_nonce_is_not_stored(self, site):
        from django.utils.csp import LazyNonce

        request = RequestFactory().get("/somewhere/")
        request._csp_nonce = LazyNonce()
        str(request._csp_nonce)
        assert HEADER not in self.run(lambda: HttpResponse("x"), request)

    def test_a_plain_page_is_stored(self, site):
        assert self.run(lambda: HttpResponse("x"))[HEADER] == "HIT"

    def test_a_cache_that_fails_means_rendering_without_it(self, site, visitor, monkeypatch):
        def broken(*args, **kwargs):
            raise ConnectionError("cache down")

        monkeypatch.setattr("osce_site.page_cache.read_state", broken)
        response = visitor.get("/news/")
        assert response.status_code == 200
        assert HEADER not in response


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
            NEWS_CHANGELIST, {"action": "publish_selected", "_selected_action": [draft.pk]}
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
