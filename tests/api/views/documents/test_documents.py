"""`/api/v1/documents/`: the HTML `/documents/` listing's documents and facet counts for the
same query string, the paging links, and the document objects; drafts never appear."""

import datetime

import pytest

from api.serializers.documents import PublicationSerializer
from api.serializers.listings import PublicationListSerializer
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "field_of_work=policing",
    "field_of_work=policing&field_of_work=elections",
    "country=serbia&field_of_work=policing",
    "issued_by=spmu",
    "issued_by=odihr&country=moldova",
    "type=decision",
    "type=report&language=ru",
    "language=fr&language=en",
    "year_from=2015&year_to=2025",
    "q=policing",
    "q=policing&sort=oldest",
    "sort=oldest",
    "country=atlantis&type=nothing&year_from=19",
]


def html_listing(client, query):
    response = client.get(f"/documents/?{query}")
    assert response.status_code == 200
    context = response.context
    counts = {
        facet.name: {option.value: option.count for option in facet.visible_options}
        for facet in context["facets"]
    }
    return list(context["page_obj"].object_list), counts, context["total"]


@pytest.mark.parametrize("query", QUERIES)
def test_same_documents_and_facet_counts_as_the_html_listing(client, world, query):
    ids, counts, total = html_listing(client, query)
    data = client.get(f"/api/v1/documents/?{query}").json()
    assert [document["id"] for document in data["results"]] == ids
    assert data["count"] == total
    assert {
        facet["name"]: {option["value"]: option["count"] for option in facet["options"]}
        for facet in data["facets"]
    } == counts


def test_lists_only_public_documents(client, world):
    data = client.get("/api/v1/documents/").json()
    assert {item["slug"] for item in data["results"]} == {
        "guidebook",
        "election-report",
        "decision-1",
    }
    assert client.get("/api/v1/documents/draft-document/").status_code == 404
    assert client.get("/api/v1/documents/?issued_by=spmu").json()["count"] == 2
    # Asked for by its slug, a document is shown whole in a language it has, as its page is.
    assert client.get("/api/v1/documents/russian-only/").json()["language"] == "ru"


def test_one_document_object_has_every_public_field(client, world):
    data = client.get("/api/v1/documents/guidebook/").json()
    assert set(data) == set(PublicationSerializer().fields)
    assert (data["title"], data["symbol"]) == ("Policing guidebook", "SEC.GAL/1/20")
    assert (data["type"], data["type_label"]) == ("report", "Report")
    assert data["publication_date"] == "2020-06-01"
    assert [s["slug"] for s in data["issued_by"]] == ["unit", "odihr"]
    assert data["issued_by"][1]["name"] == "ODIHR"
    assert [f["slug"] for f in data["fields_of_work"]] == ["policing"]
    assert [c["slug"] for c in data["countries"]] == ["serbia"]
    assert [(f["language"], f["language_name"]) for f in data["files"]] == [
        ("en", "English"),
        ("ru", "Русский"),
    ]
    assert all(f["size"] > 0 and f["pages"] == 1 for f in data["files"])
    assert data["files"][1]["url"] == "https://www.example.org/documents/guidebook/files/ru/"
    assert data["url"] == "https://www.example.org/documents/guidebook/"
    assert data["api_url"] == "https://www.example.org/api/v1/documents/guidebook/"
    assert [n["api_url"] for n in data["related_news"]] == [
        "https://www.example.org/api/v1/news/guidebook-launched/"
    ]
    assert [p["url"] for p in data["related_projects"]] == ["https://www.example.org/projects/ilp/"]


def test_list_objects_and_envelope_match_their_serializers(client, world):
    data = client.get("/api/v1/documents/").json()
    assert set(data) == set(PublicationListSerializer().fields)
    assert all(set(item) == set(PublicationSerializer().fields) for item in data["results"])


def test_in_russian_the_listing_holds_the_russian_documents(client, world):
    data = client.get("/api/v1/documents/?lang=ru").json()
    assert [item["slug"] for item in data["results"]] == ["russian-only"]
    assert data["results"][0]["title"] == "Только по-русски"


def test_an_old_slug_answers_301_to_the_current_one(client, world):
    world.guidebook.slug = "policing-guidebook"
    world.guidebook.save()
    response = client.get("/api/v1/documents/guidebook/?lang=en")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/documents/policing-guidebook/?lang=en"


def test_pages_have_next_and_previous_links_keeping_the_filters(client, db):
    for n in range(25):
        DocumentFactory(
            slug=f"d-{n:02d}", publication_date=datetime.date(2016, 1, 1) + datetime.timedelta(n)
        )
    first = client.get("/api/v1/documents/?year_from=2016&x=1").json()
    assert (first["count"], first["pages"], first["previous"]) == (25, 2, None)
    assert first["next"] == "https://www.example.org/api/v1/documents/?year_from=2016&page=2"
    second = client.get(first["next"].removeprefix("https://www.example.org")).json()
    seen = [item["slug"] for page in (first, second) for item in page["results"]]
    assert len(set(seen)) == 25 and seen[0] == "d-24"


def test_the_root_and_the_docs_name_the_documents_endpoints(client, db):
    assert client.get("/api/v1/").json()["documents"] == "https://www.example.org/api/v1/documents/"
    docs = client.get("/api/v1/docs/").content.decode()
    assert "/api/v1/documents/" in docs and "/api/v1/documents/{slug}/" in docs


def test_the_list_asks_a_fixed_number_of_queries_whatever_the_rows(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get("/api/v1/documents/?x=warm")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/documents/?y=1").status_code == 200
        return len(captured)

    before = queries()
    assert before > 3  # answered by the view, not by the page cache
    for _ in range(4):
        DocumentFactory(issued_by=[world.spmu, world.odihr], files={"en": "more"})
    assert queries() == before
