"""A listing page past its last page answers 404 and is kept like a page, under its canonical
query only: it turns into a page as soon as a change brings results to it."""

import pytest

from news.views.listing import NewsListView
from osce_site.page_cache import HEADER
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def two_a_page(monkeypatch):
    monkeypatch.setattr(NewsListView, "paginate_by", 2)


@pytest.fixture
def items():
    return [
        NewsItemFactory(title="Border police trained"),
        NewsItemFactory(title="Police reform discussed"),
        NewsItemFactory(title="Election observed"),
    ]


def test_a_page_past_the_end_is_kept_and_says_no_cache(visitor, items):
    first = visitor.get("/news/?page=3")
    assert first.status_code == 404
    assert first[HEADER] == "MISS"
    again = visitor.get("/news/?page=3")
    assert again.status_code == 404
    assert again[HEADER] == "HIT"
    assert "no-cache" in again["Cache-Control"]
    assert again.content == first.content


def test_it_becomes_a_page_when_results_reach_it(visitor, items):
    visitor.get("/news/?page=3")
    assert visitor.get("/news/?page=3")[HEADER] == "HIT"
    NewsItemFactory(title="Water projects opened")
    NewsItemFactory(title="Media freedom report")
    response = visitor.get("/news/?page=3")
    assert response.status_code == 200
    assert b"Border police trained" in response.content


def test_a_search_past_the_end_follows_the_matches(visitor, items):
    visitor.get("/news/?q=police&page=2")
    assert visitor.get("/news/?q=police&page=2")[HEADER] == "HIT"
    # An edit outside the search's matches keeps it.
    items[2].teaser = "Observers counted the votes."
    items[2].save()
    assert visitor.get("/news/?q=police&page=2")[HEADER] == "HIT"
    items[2].title = "Election police observed"
    items[2].save()
    response = visitor.get("/news/?q=police&page=2")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url", ["/news/?page=03", "/news/?page=3&utm_source=x", "/news/?page=9999"]
)
def test_a_404_under_any_other_query_is_never_kept(visitor, items, url):
    assert visitor.get(url).status_code == 404
    assert visitor.get(url).get(HEADER) != "HIT"


def test_a_missing_page_elsewhere_is_never_kept(visitor, items):
    assert visitor.get("/news/no-such-item/").status_code == 404
    assert visitor.get("/news/no-such-item/").get(HEADER) != "HIT"
