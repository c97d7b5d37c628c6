"""Nobody skips the page cache with a made-up cookie, and no response tells what others asked.

Every test turns the page cache on; an anonymous `Client` plays the visitor.
"""

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.test import Client

from osce_site.page_cache import HEADER
from osce_site.signed_in import MARKER_COOKIE
from tests.factories import NewsItemFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    NewsItemFactory(title="Border police trained")


def stored_first(url="/news/"):
    assert Client().get(url)[HEADER] == "MISS"


def test_a_made_up_session_cookie_gets_the_stored_page():
    stored_first()
    visitor = Client()
    visitor.cookies["sessionid"] = "0" * 32
    assert visitor.get("/news/")[HEADER] == "HIT"
    visitor.cookies[MARKER_COOKIE] = "forged:marker:value"
    assert visitor.get("/news/")[HEADER] == "HIT"


def test_a_made_up_messages_cookie_gets_the_stored_page():
    stored_first()
    visitor = Client()
    visitor.cookies["messages"] = "junk"
    assert visitor.get("/news/")[HEADER] == "HIT"


def test_a_real_pending_message_skips_the_cache():
    stored_first()
    storage = CookieStorage(HttpRequest())
    visitor = Client()
    visitor.cookies["messages"] = storage._encode(["Saved."])
    response = visitor.get("/news/")
    assert HEADER not in response


def test_a_signed_in_editor_is_never_served_a_stored_page_and_never_stores_one():
    stored_first()
    editor = Client()
    editor.force_login(UserFactory(is_staff=True))
    # The first response to a signed-in user sets the marker the page cache checks.
    first = editor.get("/admin/")
    assert MARKER_COOKIE in first.cookies
    page = editor.get("/news/")
    assert HEADER not in page
    assert "private" in page["Cache-Control"]
    # Someone else's marker does not fit this session.
    other = Client()
    other.cookies["sessionid"] = "1" * 32
    other.cookies[MARKER_COOKIE] = editor.cookies[MARKER_COOKIE].value
    assert other.get("/news/")[HEADER] == "HIT"


def test_signing_out_removes_the_marker():
    editor = Client()
    editor.force_login(UserFactory(is_staff=True))
    editor.get("/admin/")
    response = editor.post("/admin/logout/")
    assert response.cookies[MARKER_COOKIE].value == ""


def test_no_page_cache_header_by_default(settings):
    settings.PAGE_CACHE_HEADER = False
    first, second = Client().get("/news/"), Client().get("/news/")
    assert HEADER not in first
    assert HEADER not in second


@pytest.mark.parametrize(
    "url",
    [
        "/news/?utm_source=newsletter-4711",
        "/news/?field_of_work=no-such-field",
        "/news/?q=border&unknown=1",
        "/?ref=abc",
        "/news/feed/?utm_campaign=x",
        "/sitemap-news.xml?foo=bar",
        "/nowhere/?x=1",
    ],
)
def test_a_query_that_is_not_the_pages_canonical_one_never_creates_an_entry(url):
    """`?utm_source=<random>` once stored a new ~98 KB page for 600 s at every request."""
    for _ in range(2):
        response = Client().get(url)
        assert response.status_code in (200, 404)
        assert HEADER not in response


@pytest.mark.parametrize(
    "url",
    [
        "/news/?q=border",
        "/news/feed/?q=border",
        "/search/?q=border",
        "/meetings/",
        "/sitemap-news.xml",
    ],
)
def test_canonical_queries_are_stored_as_before(url):
    assert Client().get(url)[HEADER] == "MISS"
    assert Client().get(url)[HEADER] == "HIT"
