"""How the shared page cache (osce_site.page_cache) serves a hit: outermost, from one stored
value, with the version read at most once a second and this process's own copy of the page,
and still never wrong.

Every test turns the cache on; an anonymous `Client` plays the visitor.
"""

import time

import pytest
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.test import Client, RequestFactory

from core.content_changes import BASE_KEY, LISTING_KEY, item_key
from core.content_state import MAX_VERSION_SECONDS, VERSION_KEY, content_version, forget_state
from news.models import NewsItem
from osce_site import page_cache
from osce_site.page_cache import HEADER, LocalPages, PageCacheMiddleware
from tests.factories import NewsItemFactory, PageFactory

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def item():
    return NewsItemFactory(title="Border police trained", slug="border-police-trained")


@pytest.fixture
def cache_calls(settings):
    """The keys each cache read (one round trip to a shared cache) asked for, in order."""
    settings.CACHES = {"default": {"BACKEND": "tests.production.round_trips.RoundTripCache"}}
    return caches["default"].round_trips


def page_reads(calls):
    return [call for call in calls if any(key.startswith("page:") for key in call)]


def version_reads(calls):
    return [call for call in calls if VERSION_KEY in call]


def headers_without_marker(response):
    return {name: value for name, value in response.items() if name != HEADER}


class TestWhatAHitServes:
    @pytest.mark.parametrize("url", ["/", "/news/", "/news/border-police-trained/"])
    def test_exactly_the_stored_status_headers_and_bytes(self, item, url):
        visitor = Client()
        first = visitor.get(url)
        assert first[HEADER] == "MISS"
        second = visitor.get(url)
        assert second[HEADER] == "HIT"
        assert second.status_code == first.status_code
        assert second.content == first.content
        assert headers_without_marker(second) == headers_without_marker(first)

    def test_the_path_alone_decides_the_language_of_a_stored_page(self, item):
        russian_browser = Client(HTTP_ACCEPT_LANGUAGE="ru")
        assert russian_browser.get("/news/")[HEADER] == "MISS"
        english_browser = Client(HTTP_ACCEPT_LANGUAGE="en")
        hit = english_browser.get("/news/")
        assert hit[HEADER] == "HIT"
        assert '<html lang="en">' in hit.content.decode()
        assert english_browser.get("/ru/news/")[HEADER] == "MISS"

    def test_a_new_process_serves_the_bytes_another_stored(self, item):
        first = Client().get("/news/")
        second = Client().get("/news/")
        assert second[HEADER] == "HIT"
        assert second.content == first.content
        assert headers_without_marker(second) == headers_without_marker(first)

    def test_the_security_headers_come_with_the_page_and_the_policy_has_no_nonce(self, item):
        visitor = Client()
        visitor.get("/news/")
        hit = visitor.get("/news/")
        for name in SECURITY_HEADERS:
            assert hit[name], name
        assert "nonce-" not in hit["Content-Security-Policy"]

    def test_a_revalidation_gets_304_with_the_security_headers_and_no_body(self, item):
        visitor = Client()
        etag = visitor.get("/news/")["ETag"]
        response = visitor.get("/news/", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        assert response.content == b""
        assert response["ETag"] == etag
        for name in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options"):
            assert response[name], name
        assert "Content-Type" not in response and "Content-Length" not in response

    def test_a_failed_precondition_is_412_not_the_page(self, item):
        visitor = Client()
        visitor.get("/news/")
        assert visitor.get("/news/", HTTP_IF_MATCH='"something-else"').status_code == 412

    def test_a_hit_runs_nothing_below_the_page_cache_which_is_outermost(self, settings):
        assert settings.MIDDLEWARE[0] == "osce_site.page_cache.PageCacheMiddleware"
        calls = []

        def view(request):
            calls.append(request)
            return HttpResponse("stored once")

        middleware = PageCacheMiddleware(view)
        assert middleware(RequestFactory().get("/somewhere/"))[HEADER] == "MISS"
        hit = middleware(RequestFactory().get("/somewhere/"))
        assert (hit[HEADER], hit.content, len(calls)) == ("HIT", b"stored once", 1)

    def test_static_files_are_not_looked_up(self, settings, cache_calls):
        Client().get(f"{settings.STATIC_URL}css/site.css")
        assert not page_reads(cache_calls)


class TestReadsPerHit:
    def test_a_hit_with_a_fresh_version_reads_nothing_from_the_cache(
        self, item, settings, cache_calls
    ):
        settings.CONTENT_VERSION_SECONDS = 1
        visitor = Client()
        visitor.get("/news/")
        cache_calls.clear()
        for _ in range(5):
            assert visitor.get("/news/")[HEADER] == "HIT"
        assert cache_calls == []

    def test_without_the_memo_a_hit_reads_only_the_content_state(self, item, cache_calls):
        visitor = Client()
        visitor.get("/news/")
        cache_calls.clear()
        assert visitor.get("/news/")[HEADER] == "HIT"
        assert len(cache_calls) == 1 and VERSION_KEY in cache_calls[0]
        assert not page_reads(cache_calls)

    def test_a_page_this_process_does_not_hold_is_one_round_trip(self, item, cache_calls):
        Client().get("/news/")
        cache_calls.clear()
        assert Client().get("/news/")[HEADER] == "HIT"
        assert len(cache_calls) == 1 and VERSION_KEY in cache_calls[0]
        # The page and the versions of the items it shows, in that one round trip.
        assert item_key(NewsItem, item.pk) in cache_calls[0]

    def test_a_page_this_process_never_saw_is_two_round_trips_at_most(
        self, item, cache_calls, monkeypatch
    ):
        Client().get("/news/")
        monkeypatch.setattr(page_cache, "KNOWN", page_cache.KnownDependencies())
        cache_calls.clear()
        assert Client().get("/news/")[HEADER] == "HIT"
        assert len(cache_calls) == 2
        assert item_key(NewsItem, item.pk) in cache_calls[1]


class TestFreshness:
    def test_a_change_made_by_another_server_is_served_within_a_second(self, item, settings, clock):
        settings.CONTENT_VERSION_SECONDS = 1
        visitor = Client()
        assert "Border police trained" in visitor.get("/news/").text
        visitor.get("/news/")
        # What another app server's save leaves behind: the row changed, the item's version
        # and the content version moved.
        NewsItem.objects.filter(pk=item.pk).update(title="Border police trained again")
        cache.set(item_key(NewsItem, item.pk), "moved elsewhere")
        cache.set(VERSION_KEY, content_version() + 1, None)
        clock.advance(MAX_VERSION_SECONDS)
        assert "Border police trained again" in visitor.get("/news/").text

    def test_no_copy_of_a_page_is_served_after_a_version_it_depends_on_moved(self, item):
        visitor = Client()
        for key in (LISTING_KEY, BASE_KEY, item_key(NewsItem, item.pk)):
            visitor.get("/news/")
            assert visitor.get("/news/")[HEADER] == "HIT"
            cache.set(key, "moved", None)
            forget_state()
            assert visitor.get("/news/")[HEADER] == "MISS", key

    def test_a_page_of_known_dependencies_outlives_a_change_it_does_not_show(self, item):
        visitor = Client()
        # A simple page's view has not declared what it shows.
        simple_page = PageFactory(slug="our-history").get_absolute_url()
        for url in ("/news/", simple_page):
            visitor.get(url)
        cache.set(VERSION_KEY, content_version() + 1, None)
        cache.set(item_key(NewsItem, item.pk + 1), "moved", None)
        forget_state()
        assert visitor.get("/news/")[HEADER] == "HIT"
        # A page whose view has not declared what it shows depends on everything.
        assert visitor.get(simple_page)[HEADER] == "MISS"

    def test_this_processs_copy_expires_with_the_shared_one(self, item):
        visitor = Client()
        visitor.get("/news/")
        cache.clear()
        assert visitor.get("/news/")[HEADER] == "MISS"

    def test_an_entry_is_current_only_under_its_versions_before_its_expiry_and_boundary(self):
        now = time.time()
        deps = (("listing", "L7"), ("base", "B7"), ("item-version:news.newsitem:1", "a"))
        entry = page_cache.Entry(deps, now + 5, now + 10, 200, (), b"", None, None, 60)
        states = {"state": "9", "listing": "L7", "base": "B7"}
        versions = {"item-version:news.newsitem:1": "a"}
        assert entry.current(states, versions, now)
        assert not entry.current({**states, "listing": "L8"}, versions, now)
        assert not entry.current({**states, "base": "B8"}, versions, now)
        assert not entry.current(states, {"item-version:news.newsitem:1": "b"}, now)
        assert not entry.current(states, {}, now)
        assert not entry.current(states, versions, now + 5)
        assert not entry.current(states, versions, now + 10)
        fallback = entry._replace(deps=(("state", "9"),))
        assert fallback.current(states, {}, now)
        assert not fallback.current({**states, "state": "10"}, {}, now)

    def test_pages_stored_under_another_security_policy_are_not_served(self, item, settings):
        Client().get("/news/")
        settings.SECURE_CSP = {**settings.SECURE_CSP, "img-src": ["'self'"]}
        response = Client().get("/news/")
        assert response[HEADER] == "MISS"
        assert "data:" not in response["Content-Security-Policy"]


class TestWhatIsNotStored:
    def test_an_encoded_response_is_not_stored(self):
        def encoded(request):
            return HttpResponse(b"\x1f\x8b", headers={"Content-Encoding": "gzip"})

        middleware = PageCacheMiddleware(encoded)
        request = RequestFactory().get("/encoded/")
        middleware(request)
        assert HEADER not in middleware(request)


class TestLocalPages:
    def entry(self, size):
        deps = (("state", "1"),)
        expires = time.time() + 60
        return page_cache.Entry(deps, None, expires, 200, (), b"x" * size, None, None, 60)

    def test_the_least_recently_used_pages_go_first_within_the_byte_limit(self):
        pages = LocalPages(max_bytes=250)
        for key in "abc":
            pages.put(key, self.entry(100))
        assert pages.get("a") is None
        assert pages.get("b") is not None
        pages.put("d", self.entry(100))
        assert pages.get("c") is None
        assert pages.get("b") is not None and pages.get("d") is not None

    def test_a_page_larger_than_the_limit_is_not_kept(self):
        pages = LocalPages(max_bytes=50)
        pages.put("a", self.entry(100))
        assert len(pages) == 0
