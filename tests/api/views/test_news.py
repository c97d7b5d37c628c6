"""`/api/v1/news/`: the HTML listing's items and facet counts for the same query string, the
paging links, what is ignored, and the item objects."""

import datetime

import pytest

from tests.api.conftest import HIDDEN
from tests.factories import FieldOfWorkFactory, NewsItemFactory, StructureFactory

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "field_of_work=policing",
    "field_of_work=policing&field_of_work=elections",
    "country=serbia&field_of_work=policing",
    "issued_by=secretariat",
    "issued_by=tntd&type=spot-report",
    "type=press-release&type=news",
    "date_from=2020-01-01&date_to=2020-12-31",
    "date_from=2020-12-31&date_to=2020-01-01",
    "q=item",
    "q=item&sort=oldest&country=albania",
    "sort=oldest",
    "country=atlantis&field_of_work=policing&date_from=2020-13-45",
]


def html_listing(client, query):
    response = client.get(f"/news/?{query}")
    assert response.status_code == 200
    counts = {
        facet.name: {option.value: option.count for option in facet.visible_options}
        for facet in response.context["facets"]
    }
    return list(response.context["page_obj"].object_list), counts, response.context["total"]


@pytest.mark.parametrize("query", QUERIES)
def test_same_items_and_facet_counts_as_the_html_listing(client, world, query):
    ids, counts, total = html_listing(client, query)
    data = client.get(f"/api/v1/news/?{query}").json()
    assert [item["id"] for item in data["results"]] == ids
    assert data["count"] == total
    assert {
        facet["name"]: {option["value"]: option["count"] for option in facet["options"]}
        for facet in data["facets"]
    } == counts


def test_lists_only_published_items(client, world):
    slugs = {item["slug"] for item in client.get("/api/v1/news/").json()["results"]}
    assert slugs == {"a", "b", "c", "d", "e"}
    assert not slugs & HIDDEN


def test_reports_the_normalised_query_and_what_it_ignored(client, world):
    data = client.get(
        "/api/v1/news/?country=atlantis&country=serbia&country=serbia&date_from=2020-13-45"
        "&sort=sideways&colour=blue&lang=xx"
    ).json()
    assert data["query"] == {"country": ["serbia"]}
    assert data["ignored"] == {
        "country": ["atlantis"],
        "sort": ["sideways"],
        "date_from": ["2020-13-45"],
        "colour": ["blue"],
        "lang": ["xx"],
    }
    assert "We ignored an unknown country: “atlantis”." in data["notices"]
    assert data["sort"] == "newest"


def test_swapped_dates_are_not_reported_as_ignored(client, world):
    data = client.get("/api/v1/news/?date_from=2020-12-31&date_to=2020-01-01").json()
    assert data["query"] == {"date_from": ["2020-01-01"], "date_to": ["2020-12-31"]}
    assert data["ignored"] == {}


@pytest.fixture
def many(db):
    field = FieldOfWorkFactory(slug="policing", name="Policing")
    start = datetime.date(2020, 1, 1)
    return [
        NewsItemFactory(
            slug=f"item-{n:02d}",
            issued_on=start + datetime.timedelta(days=n),
            fields_of_work=[field],
        )
        for n in range(45)
    ]


def test_pages_have_absolute_next_and_previous_links_keeping_the_filters(client, many):
    first = client.get("/api/v1/news/?field_of_work=policing&utm=x").json()
    assert (first["count"], first["pages"], first["page"]) == (45, 3, 1)
    assert first["previous"] is None
    assert first["next"] == "https://www.example.org/api/v1/news/?field_of_work=policing&page=2"
    second = client.get(first["next"].removeprefix("https://www.example.org")).json()
    assert second["previous"] == "https://www.example.org/api/v1/news/?field_of_work=policing"
    assert second["next"].endswith("page=3")
    last = client.get("/api/v1/news/?field_of_work=policing&page=last").json()
    assert last["page"] == 3 and last["next"] is None
    assert [item["slug"] for item in last["results"]] == [
        "item-04",
        "item-03",
        "item-02",
        "item-01",
        "item-00",
    ]
    seen = [item["id"] for page in (first, second, last) for item in page["results"]]
    assert len(set(seen)) == 45


@pytest.mark.parametrize("page", ["4", "0", "-1", "x", "1e3", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_a_json_404(client, many, page):
    response = client.get(f"/api/v1/news/?page={page}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_an_item_has_every_public_field(client, world):
    world.items.c.image_credit = "Photo: OSCE"
    world.items.c.save()
    data = client.get("/api/v1/news/c/").json()
    assert data["slug"] == "c"
    assert data["title"] == "Item c"
    assert data["teaser"] == "A short teaser."
    assert data["body"] == "<p>The body.</p>"
    assert data["issued_on"] == "2020-12-31"
    assert data["type"] == "news" and data["type_label"] == "News"
    assert data["url"] == "https://www.example.org/news/c/"
    assert data["api_url"] == "https://www.example.org/api/v1/news/c/"
    assert data["language"] == "en" and data["languages"] == ["en"]
    # The issuers in the editor's order: SPMU was given first.
    assert [issuer["slug"] for issuer in data["issued_by"]] == ["spmu", "cpc"]
    assert data["issued_by"][0] == {
        "slug": "spmu",
        "name": "Strategic Police Matters Unit",
        "acronym": "",
        "url": "https://www.example.org/structures/spmu/",
    }
    assert {field["slug"] for field in data["fields_of_work"]} == {"policing", "elections"}
    assert data["countries"][0]["slug"] == "albania"
    assert data["image"] is None


def test_issuers_keep_the_editors_order_in_lists(client, db):
    first, second = StructureFactory(slug="zeta"), StructureFactory(slug="alpha")
    NewsItemFactory(slug="joint", issued_by=[first, second])
    item = client.get("/api/v1/news/").json()["results"][0]
    assert [issuer["slug"] for issuer in item["issued_by"]] == ["zeta", "alpha"]


@pytest.mark.parametrize("slug", sorted(HIDDEN))
def test_an_unpublished_item_is_a_404(client, world, slug):
    assert client.get(f"/api/v1/news/{slug}/").status_code == 404


def test_objects_have_the_fields_the_schema_describes(client, world):
    from api.serializers.listings import NewsListSerializer
    from api.serializers.news import NewsItemDetailSerializer, NewsItemSerializer

    data = client.get("/api/v1/news/").json()
    assert set(data) == set(NewsListSerializer().fields)
    assert all(set(item) == set(NewsItemSerializer().fields) for item in data["results"])
    assert set(client.get("/api/v1/news/a/").json()) == set(NewsItemDetailSerializer().fields)


@pytest.mark.django_db(transaction=True)
def test_an_edit_serializes_only_the_edited_item_again(client, world, monkeypatch):
    """Committed, as an editor's save is: inside a test's transaction every state is its own."""
    from api import item_cache

    loaded = []

    def spy(ids):
        loaded.append(sorted(ids))
        return load_rows(ids)

    load_rows = item_cache.load_rows
    monkeypatch.setattr(item_cache, "load_rows", spy)
    client.get("/api/v1/news/")
    client.get("/api/v1/news/?sort=newest")  # every object from the cache
    world.items.b.title = "Edited"
    world.items.b.save()
    data = client.get("/api/v1/news/").json()
    items = world.items
    assert loaded == [
        sorted(i.pk for i in (items.a, items.b, items.c, items.d, items.e)),
        [items.b.pk],
    ]
    titles = {item["slug"]: item["title"] for item in data["results"]}
    assert (titles["b"], titles["a"]) == ("Edited", "Item a")
