"""The shared page cache (osce_site.page_cache): fast for visitors, and never wrong.

Every test turns the cache on; an anonymous `Client` plays the visitor, a second client signed
in as a publisher plays the newsroom.
"""

import pytest
from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from core.publishing import Status
from osce_site.page_cache import HEADER, PageCacheMiddleware
from tests.factories import (
    NewsItemFactory,
)
from tests.production.page_cache.pages import fetch

pytestmark = pytest.mark.django_db


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

        monkeypatch.setattr("osce_site.page_cache.page_states", broken)
        response = visitor.get("/news/")
        assert response.status_code == 200
        assert HEADER not in response
