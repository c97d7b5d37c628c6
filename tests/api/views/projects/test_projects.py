"""`/api/v1/projects/`: the HTML `/projects/` listing's projects, facet counts and figures for
the same query string, the paging links, what is ignored, and the project objects."""

import datetime
from decimal import Decimal

import pytest

from api.serializers.listings import ProjectListSerializer
from api.serializers.projects import ProjectDetailSerializer, ProjectSerializer
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

HIDDEN = {"draft-project", "scheduled-project"}

QUERIES = [
    "",
    "field_of_work=policing",
    "field_of_work=policing&field_of_work=gender-equality",
    "country=serbia&field_of_work=policing",
    "implemented_by=secretariat",
    "implemented_by=tntd&donor=germany",
    "donor=norway&donor=european-union",
    "status=ongoing",
    "status=planned&status=completed",
    "funding=unified-budget",
    "year_from=2010&year_to=2018",
    "year_from=2030&year_to=2010",
    "q=policing",
    "q=policing&sort=oldest&country=moldova",
    "sort=oldest",
    "country=atlantis&donor=nobody&year_from=19",
]


def html_listing(client, query):
    response = client.get(f"/projects/?{query}")
    assert response.status_code == 200
    context = response.context
    counts = {
        facet.name: {option.value: option.count for option in facet.visible_options}
        for facet in context["facets"]
    }
    ids = list(context["page_obj"].object_list)
    return ids, counts, context["total"], context["figures"]


@pytest.mark.parametrize("query", QUERIES)
def test_same_projects_facet_counts_and_figures_as_the_html_listing(client, world, query):
    ids, counts, total, figures = html_listing(client, query)
    data = client.get(f"/api/v1/projects/?{query}").json()
    assert [project["id"] for project in data["results"]] == ids
    assert data["count"] == total
    assert {
        facet["name"]: {option["value"]: option["count"] for option in facet["options"]}
        for facet in data["facets"]
    } == counts
    shown = data["figures"]
    assert shown["projects"] == figures.projects == total
    assert shown["budget"] == (None if figures.budget is None else f"{figures.budget:.2f}")
    assert shown["without_budget"] == figures.without_budget
    assert [
        (row["label"], Decimal(row["budget"]), row["projects"]) for row in shown["by_donor"]
    ] == [(row.label, row.budget, row.projects) for row in figures.by_donor]
    assert [row["value"] for row in shown["by_field_of_work"]] == [
        row.value for row in figures.by_field
    ]


def test_lists_only_public_projects_and_counts_no_hidden_budget(client, world):
    data = client.get("/api/v1/projects/").json()
    slugs = {project["slug"] for project in data["results"]}
    assert slugs == {"ilp", "border-security", "women-in-policing", "core-support"}
    assert Decimal(data["figures"]["budget"]) == Decimal("1250000.00") + Decimal(
        "400000.50"
    ) + Decimal("99.99")
    for slug in HIDDEN:
        assert client.get(f"/api/v1/projects/{slug}/").status_code == 404
    # Asked for by its slug, a project is shown whole in a language it has, as its page is.
    assert client.get("/api/v1/projects/russian-only/").json()["language"] == "ru"


def test_reports_the_normalised_query_and_what_it_ignored(client, world):
    data = client.get(
        "/api/v1/projects/?donor=nobody&donor=norway&donor=norway&year_from=19"
        "&status=sideways&colour=blue&date_from=2020-01-01"
    ).json()
    assert data["query"] == {"donor": ["norway"]}
    assert data["ignored"] == {
        "donor": ["nobody"],
        "status": ["sideways"],
        "year_from": ["19"],
        "colour": ["blue"],
        "date_from": ["2020-01-01"],
    }
    assert "We ignored an unknown donor: “nobody”." in data["notices"]


def test_one_project_object_has_every_public_field_in_order(client, world):
    data = client.get("/api/v1/projects/ilp/").json()
    assert set(data) == set(ProjectDetailSerializer().fields)
    assert data["number"] == "1101234"
    assert data["status"] == "ongoing" and data["status_label"] == "Ongoing"
    assert [s["slug"] for s in data["implemented_by"]] == ["spmu", "cpc"]
    assert [d["slug"] for d in data["donors"]] == ["norway", "germany"]
    assert data["donors"][0]["country"] == "norway" and data["donors"][1]["country"] is None
    assert {c["slug"] for c in data["countries"]} == {"serbia", "moldova"}
    assert [f["slug"] for f in data["fields_of_work"]] == ["policing"]
    assert (data["budget"], data["currency"]) == ("1250000.00", "EUR")
    assert data["funding"] == "extra-budgetary"
    assert data["url"] == "https://www.example.org/projects/ilp/"
    assert data["api_url"] == "https://www.example.org/api/v1/projects/ilp/"
    assert data["related_news"] == [
        {
            "slug": "guidebook-launched",
            "url": "https://www.example.org/news/guidebook-launched/",
            "api_url": "https://www.example.org/api/v1/news/guidebook-launched/",
        }
    ]
    assert data["start_date"] == world.ilp.start_date.isoformat()


def test_list_objects_and_envelope_match_their_serializers(client, world):
    data = client.get("/api/v1/projects/").json()
    assert set(data) == set(ProjectListSerializer().fields)
    assert all(set(item) == set(ProjectSerializer().fields) for item in data["results"])


def test_related_news_lists_only_what_the_reader_may_see(client, world):
    from core.publishing import Status
    from tests.factories import NewsItemFactory

    world.ilp.related_news.add(NewsItemFactory(slug="a-draft", status=Status.DRAFT))
    world.ilp.related_news.add(NewsItemFactory(slug="english-only"))
    data = client.get("/api/v1/projects/ilp/").json()
    assert {item["slug"] for item in data["related_news"]} == {
        "guidebook-launched",
        "english-only",
    }


def test_in_russian_the_listing_holds_the_russian_projects(client, world):
    data = client.get("/api/v1/projects/?lang=ru").json()
    assert [project["slug"] for project in data["results"]] == ["russian-only"]
    assert data["results"][0]["title"] == "Проект только на русском"
    assert data["results"][0]["language"] == "ru"
    assert client.get("/ru/api/v1/projects/").json()["count"] == 1


def test_pages_have_next_and_previous_links_keeping_the_filters(client, db):
    start = datetime.date(2015, 1, 1)
    for n in range(25):
        ProjectFactory(
            slug=f"p-{n:02d}",
            start_date=start + datetime.timedelta(days=n),
            end_date=start + datetime.timedelta(days=400),
        )
    first = client.get("/api/v1/projects/?year_from=2015&x=1").json()
    assert (first["count"], first["pages"], first["previous"]) == (25, 2, None)
    assert first["next"] == "https://www.example.org/api/v1/projects/?year_from=2015&page=2"
    second = client.get(first["next"].removeprefix("https://www.example.org")).json()
    assert second["previous"] == "https://www.example.org/api/v1/projects/?year_from=2015"
    seen = [item["slug"] for page in (first, second) for item in page["results"]]
    assert len(set(seen)) == 25 and seen[0] == "p-24"
    assert client.get("/api/v1/projects/?page=3").status_code == 404


def test_the_root_names_the_projects_endpoint(client, db):
    root = client.get("/api/v1/").json()
    assert root["projects"] == "https://www.example.org/api/v1/projects/"
