"""robots.txt, the health check, the sitemaps and the HTTP cache headers."""

import datetime
import re
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    NewsItemFactory,
    StructureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_robots_txt_allows_all_but_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://www.example.org/sitemap.xml" in lines


def test_healthz_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_fails(client):
    with mock.patch("website.views.site.connection") as connection:
        connection.cursor.side_effect = DatabaseError("down")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]


def sitemap_locations(client, url, host="testserver"):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iterfind(".//sm:loc", NS)]


def test_sitemap_index_and_sections_use_site_url_whatever_the_host(client, settings):
    settings.ALLOWED_HOSTS = ["attacker.example", "testserver"]
    NewsItemFactory(slug="public-story")

    sections = sitemap_locations(client, "/sitemap.xml", host="attacker.example")

    assert "https://www.example.org/sitemap-news.xml" in sections
    assert all(url.startswith("https://www.example.org/") for url in sections)
    for section in sections:
        path = section.removeprefix("https://www.example.org")
        urls = sitemap_locations(client, path, host="attacker.example")
        assert all(url.startswith("https://www.example.org/") for url in urls), section
    news_urls = sitemap_locations(client, "/sitemap-news.xml", host="attacker.example")
    assert news_urls == ["https://www.example.org/news/public-story/"]


def test_sitemaps_list_every_public_page_and_nothing_unpublished(
    client, make_hidden_news, make_hidden_meetings
):
    NewsItemFactory(slug="story")
    MeetingFactory(slug="meeting")
    FieldOfWorkFactory(slug="policing")
    CountryFactory(slug="malta")
    StructureFactory(slug="secretariat")
    make_hidden_news()
    make_hidden_meetings()

    urls = []
    for section in sitemap_locations(client, "/sitemap.xml"):
        urls += sitemap_locations(client, section.removeprefix("https://www.example.org"))
    paths = {url.removeprefix("https://www.example.org") for url in urls}

    assert {
        "/",
        "/news/",
        "/meetings/",
        "/projects/",
        "/field-operations/",
        "/documents/",
        "/fields-of-work/",
        "/countries/",
        "/structures/",
        "/news/story/",
        "/meetings/meeting/",
        "/fields-of-work/policing/",
        "/countries/malta/",
        "/structures/secretariat/",
    } <= paths
    assert not any("news-item" in path or "/meetings/meeting-" in path for path in paths)
    # Pages that exist in every language are listed in each (6 languages); the item and the
    # meeting exist in English only.
    assert {"/ru/", "/de/countries/malta/", "/es/structures/secretariat/"} <= paths
    assert "/ru/news/story/" not in paths and "/ru/meetings/meeting/" not in paths
    # Plus the simple pages a site starts with (pages/0002): in English and German.
    assert len(paths) == 12 * 6 + 2 + 7 * 2


def test_sitemap_lastmod_is_the_items_update_time(client):
    item = NewsItemFactory(slug="story")
    root = ET.fromstring(client.get("/sitemap-news.xml").content)
    lastmod = root.find(".//sm:url/sm:lastmod", NS).text
    # In the site's time zone (Vienna), as the sitemap writes it: the day differs from UTC's
    # for an hour or two every night.
    assert lastmod.startswith(timezone.localtime(item.updated_at).strftime("%Y-%m-%d"))


@pytest.mark.parametrize("value", ["0", "abc", "99"])
def test_sitemap_bad_page_is_404(client, value):
    assert client.get(f"/sitemap-news.xml?p={value}").status_code == 404


def test_unknown_sitemap_section_is_404(client):
    assert client.get("/sitemap-nope.xml").status_code == 404


# Cache headers


@pytest.mark.parametrize(
    "url", ["/", "/fields-of-work/", "/countries/", "/structures/", "/meetings/"]
)
def test_public_pages_are_publicly_cacheable_with_an_etag(client, url):
    response = client.get(url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=60"}
    assert "Cookie" in response["Vary"]
    assert response["ETag"]


def test_unchanged_page_answers_304(client):
    first = client.get(reverse("news:field_of_work_list"))
    second = client.get(reverse("news:field_of_work_list"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304


def test_meeting_page_sends_last_modified_and_honours_if_modified_since(client):
    meeting = MeetingFactory()
    first = client.get(meeting.get_absolute_url())
    assert first["Last-Modified"]
    second = client.get(meeting.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert second.status_code == 304


@pytest.mark.parametrize("url", ["/", "/meetings/", "/countries/"])
def test_signed_in_users_get_private_responses(client, url):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(url)
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_not_found_carries_cache_control(client):
    """A 404 without Cache-Control is kept by a CDN for as long as its heuristics like; one
    with a lifetime would be kept by the browser of an editor who looked before publishing."""
    response = client.get("/fields-of-work/nope/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "no-cache"


def test_max_age_ends_at_the_next_scheduled_change_without_the_page_cache(client, settings):
    """Capped on the response itself: holds with the page cache off (as here) or Redis down."""
    assert not settings.PAGE_CACHE
    NewsItemFactory(
        status=Status.PUBLISHED, publish_at=timezone.now() + datetime.timedelta(seconds=20)
    )
    live = NewsItemFactory(status=Status.PUBLISHED)
    for url in ("/news/", live.get_absolute_url()):
        response = client.get(url)
        max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
        assert 0 <= max_age <= 20, url
