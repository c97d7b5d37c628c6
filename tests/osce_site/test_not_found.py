"""The site's 404 page is rendered once per language and state and reused for every path
(osce_site.not_found): the same bytes as a page rendered in full, never stored by the page
cache, never kept by a browser."""

import pytest
from django.test import Client

from osce_site import not_found
from osce_site.page_cache import HEADER
from pages.models import FooterPlacement
from tests.factories import NewsItemFactory, PageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PATHS = [
    "/no-such-page/",
    "/de/no-such-page/",
    "/news/?page=99",
    "/news/?field_of_work=x&page=99&q=%22quoted%22",
    "/ru/news/?page=99",
    "/news/no-such-item/",
    "/it/some/%3Cdeep%3E/path/",
]


@pytest.fixture
def rendered_in_full(monkeypatch):
    """The 404 page as Django's own handler renders it (the path taken for someone signed
    in)."""

    def fetch(path):
        with monkeypatch.context() as patched:
            patched.setattr(not_found, "is_signed_in", lambda request: True)
            return Client().get(path)

    return fetch


@pytest.mark.parametrize("path", PATHS)
def test_the_same_bytes_as_the_page_rendered_in_full(path, rendered_in_full):
    NewsItemFactory()
    Client().get("/no-such-page/")  # the kept page exists before
    fast = Client().get(path)
    full = rendered_in_full(path)
    assert fast.status_code == full.status_code == 404
    assert fast.content == full.content
    assert fast["Content-Type"] == full["Content-Type"]


def test_each_path_names_itself_in_every_language():
    body = Client().get("/news/?page=99&country=serbia").content.decode()
    assert 'href="/de/news/?page=99&amp;country=serbia"' in body
    assert "address.invalid" not in body and "language switcher -->" not in body


@pytest.mark.parametrize("path", ["/no-such-page/", "/news/no-such-item/"])
def test_not_stored_and_not_kept(settings, path):
    """(A listing page past its last page is kept, under what decides it:
    tests/production/page_cache/test_past_the_end.py.)"""
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_HEADER = True
    for _ in range(2):
        response = Client().get(path)
        assert response.status_code == 404
        assert response.get(HEADER) != "HIT"
        assert "no-cache" in response["Cache-Control"]


def test_a_change_of_the_footer_shows_on_the_next_404():
    page = PageFactory(title="Our history", slug="our-history", footer=FooterPlacement.ABOUT)
    assert "Our history" in Client().get("/no-such-page/").content.decode()
    page.title = "Our long history"
    page.save()
    assert "Our long history" in Client().get("/no-such-page/").content.decode()
