"""Search as visitors meet it: `/news/?q=` with the filters and `/search/?q=`."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from core.publishing import Status
from countries.models import Country
from news.models import FieldOfWork, NewsItem
from structures.models import Structure
from tests.factories import MeetingFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(taxonomy):
    serbia = Country.objects.get(slug="serbia")
    albania = Country.objects.get(slug="albania")
    mission = Structure.objects.get(slug="mission-to-serbia")
    odihr = Structure.objects.get(acronym="ODIHR")
    policing = FieldOfWork.objects.get(slug="policing")
    elections = FieldOfWork.objects.get(slug="elections")
    NewsItemFactory(
        title="Police training on hate crime in Serbia",
        issued_by=[mission],
        countries=[serbia],
        fields_of_work=[policing],
        issued_on=datetime.date(2021, 3, 1),
    )
    NewsItemFactory(
        title="Trafficking investigators trained in Belgrade",
        body="<p>Police officers trained on trafficking cases.</p>",
        issued_by=[mission],
        countries=[serbia],
        fields_of_work=[policing],
        issued_on=datetime.date(2022, 3, 1),
    )
    NewsItemFactory(
        title="Police training in Albania",
        issued_by=[odihr],
        countries=[albania],
        fields_of_work=[elections],
        issued_on=datetime.date(2023, 3, 1),
    )
    NewsItemFactory(title="Draft police training", status=Status.DRAFT, countries=[serbia])
    return {"serbia": serbia, "albania": albania}


def titles(response):
    """The titles of the items the page lists (its page holds their ids), in order."""
    ids = response.context["page_obj"].object_list
    items = NewsItem.objects.in_bulk(ids)
    return [items[pk].title for pk in ids]


def test_listing_search_combines_with_filters_and_counts(client, corpus):
    response = client.get("/news/?q=training&country=serbia")
    assert set(titles(response)) == {
        "Police training on hate crime in Serbia",
        "Trafficking investigators trained in Belgrade",
    }
    facets = {facet.name: facet for facet in response.context["facets"]}
    countries = {o.value: o.count for o in facets["country"].options}
    assert countries["serbia"] == 2
    assert countries["albania"] == 1  # "training in Albania" answers the same search


def test_relevance_is_the_default_sort_while_searching(client, corpus):
    response = client.get("/news/?q=police")
    assert response.context["current_sort"] == "relevance"
    assert titles(response)[0] != "Trafficking investigators trained in Belgrade"  # body-only
    assert titles(response)[-1] == "Trafficking investigators trained in Belgrade"
    newest = client.get("/news/?q=police&sort=newest")
    assert titles(newest)[0] == "Police training in Albania"
    assert "sort=newest" in newest.context["canonical_url"]


def test_relevance_without_words_falls_back_to_newest(client, corpus):
    response = client.get("/news/?sort=relevance")
    assert response.context["current_sort"] == "newest"
    assert "relevance" not in dict(response.context["sort_options"])


def test_cards_show_escaped_highlights(client, corpus):
    NewsItemFactory(title="<script>alert(1)</script> police", teaser="x")
    body = client.get("/news/?q=police").content.decode()
    assert "<mark>" in body
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_feed_follows_the_search(client, corpus):
    feed = ET.fromstring(client.get("/news/feed/?q=trafficking").content)
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.findtext("{http://www.w3.org/2005/Atom}title") for e in entries] == [
        "Trafficking investigators trained in Belgrade"
    ]


def test_search_page_groups_results_and_offers_shortcuts(client, corpus):
    MeetingFactory(title="Police training conference", description="<p>On policing.</p>")
    response = client.get("/search/?q=police+training+serbia")
    assert response.status_code == 200
    labels = [s.label for s in response.context["shortcuts"]]
    assert "Serbia" in labels
    assert "Mission to Serbia" in labels
    assert response.context["news_total"] == 1
    body = response.content.decode()
    assert "Police training conference" not in body  # "serbia" is not in the meeting
    response = client.get("/search/?q=police+training")
    assert response.context["meetings_total"] == 1
    assert response.context["news_total"] == 3  # "trained" in a body counts too


def test_acronym_and_field_shortcuts(client, corpus):
    labels = [s.label for s in client.get("/search/?q=odihr+elections").context["shortcuts"]]
    assert any("ODIHR" in label for label in labels)
    assert "Elections" in labels


def test_drafts_are_never_found(client, corpus):
    MeetingFactory(title="Draft police meeting", status=Status.DRAFT)
    for url in ("/search/?q=draft", "/news/?q=draft", "/news/feed/?q=draft"):
        assert b"Draft police" not in client.get(url).content


HOSTILE = [
    "\x00",
    "police\x00training",
    "foo &",
    "a || b",
    "'\":*",
    '"unbalanced',
    "x" * 10_000,
    "the of and",
    "-",
    "NEAR(police training)",
    "police*",
    "title:police",
    "%",
    "\\",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("q", HOSTILE)
@pytest.mark.parametrize("path", ["/news/", "/search/", "/news/feed/"])
def test_hostile_queries_answer_200(client, corpus, path, q):
    response = client.get(path, {"q": q})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_only_stop_words_explains_itself(client, corpus):
    body = client.get("/search/?q=the+of+and").content.decode()
    assert "very common words" in body
    body = client.get("/news/?q=the+of+and").content.decode()
    assert "too common to search for" in body


def test_query_is_escaped_where_echoed(client, corpus):
    body = client.get('/search/?q="><img src=x onerror=alert(1)>').content.decode()
    assert "<img src=x" not in body
    assert re.search(r"&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;", body)


def test_search_page_with_a_huge_query_finds_nothing_rather_than_everything(client, corpus):
    response = client.get("/search/", {"q": "x" * 10_000})
    assert response.status_code == 200
    assert response.context["news_total"] == 0
