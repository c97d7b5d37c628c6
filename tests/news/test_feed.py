"""`/news/feed/`: an Atom feed of exactly what the listing shows for the same query string."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import NewsItemFactory

from .conftest import HIDDEN
from .test_listing import listed

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, query="", **headers):
    response = client.get(f"/news/feed/?{query}", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entry_links(root):
    return [
        entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        for entry in root.iter(f"{ATOM}entry")
    ]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "field_of_work=policing",
        "field_of_work=policing&field_of_work=elections",
        "country=serbia&field_of_work=policing",
        "issued_by=secretariat",
        "issued_by=secretariat&type=news&sort=oldest",
        "date_from=2020-01-01&date_to=2020-12-31",
        "country=albania&type=press-release",
        "country=serbia&country=atlantis&utm_source=x",
    ],
)
def test_feed_lists_exactly_the_listings_items_in_the_same_order(client, world, query):
    listing = client.get(f"/news/?{query}")
    expected = [f"https://www.example.org/news/{slug}/" for slug in listed(listing)]
    assert entry_links(feed(client, query)) == expected


def test_feed_carries_the_listings_first_page_only(client, db):
    for n in range(25):
        NewsItemFactory(slug=f"item-{n:02d}")
    listing = client.get("/news/")
    links = entry_links(feed(client))
    assert len(links) == 20
    assert links == [f"https://www.example.org/news/{slug}/" for slug in listed(listing)]


def test_title_names_the_filters(client, world):
    root = feed(client, "field_of_work=policing&country=serbia")
    assert root.find(f"{ATOM}title").text == "OSCE news: Policing, Serbia"
    assert feed(client).find(f"{ATOM}title").text == "OSCE news"


def test_unknown_filters_are_ignored_as_the_listing_does(client, world):
    root = feed(client, "country=atlantis&date_from=yesterday&sort=random&page=x")
    assert len(entry_links(root)) == 5
    assert root.find(f"{ATOM}title").text == "OSCE news"


def test_absolute_urls_come_from_site_url_not_the_host_header(client, world):
    root = feed(client, "country=serbia", HTTP_HOST="localhost")
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    hrefs += [element.text for element in root.iter(f"{ATOM}id")]
    hrefs += [element.text for element in root.iter(f"{ATOM}uri")]
    assert hrefs
    assert all(href.startswith("https://www.example.org/") for href in hrefs), hrefs
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "https://www.example.org/news/feed/?country=serbia"


def test_hidden_items_never_appear(client, world):
    for query in ("", "issued_by=mission-to-serbia", "country=serbia&field_of_work=policing"):
        slugs = {link.rstrip("/").rsplit("/", 1)[-1] for link in entry_links(feed(client, query))}
        assert not slugs & HIDDEN


def test_entries_carry_dates_issuer_and_fields(client, world):
    root = feed(client, "issued_by=mission-to-serbia")
    (entry,) = root.iter(f"{ATOM}entry")
    assert entry.find(f"{ATOM}published").text.startswith("2020-01-01T00:00:00")
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Mission to Serbia"
    assert [c.get("term") for c in entry.iter(f"{ATOM}category")] == ["Policing"]


def test_control_characters_in_the_query_keep_the_feed_valid_xml(client, world):
    response = client.get("/news/feed/", {"q": "police\x01\x0b training", "country": "\x02"})
    assert response.status_code == 200
    ET.fromstring(response.content)


def test_feed_query_count_is_constant(client, db, django_assert_max_num_queries):
    """Three for the filter's options, the ids, the rows and three prefetches; the first
    request after a change also builds the facet index (six queries, whatever the size) and
    finds the next scheduled change (one per publishable model: news, meetings, projects,
    documents, simple pages)."""
    for _ in range(25):
        NewsItemFactory()
    with django_assert_max_num_queries(16):
        feed(client, "field_of_work=policing&issued_by=secretariat")
    with django_assert_max_num_queries(8):
        feed(client, "field_of_work=policing&issued_by=secretariat")
