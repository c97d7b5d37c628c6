"""`/api/v1/schema/` (OpenAPI 3) and `/api/v1/docs/` (the site's page written from it)."""

import pytest
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/",
    "/api/v1/news/",
    "/api/v1/news/{slug}/",
    "/api/v1/meetings/",
    "/api/v1/meetings/{slug}/",
    "/api/v1/projects/",
    "/api/v1/projects/{slug}/",
    "/api/v1/documents/",
    "/api/v1/documents/{slug}/",
    "/api/v1/fields-of-work/",
    "/api/v1/countries/",
    "/api/v1/structures/",
    "/api/v1/meeting-series/",
}


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return response.json()


def test_schema_is_generated_without_warnings(client, capsys):
    client.get("/api/v1/schema/")
    assert "Warning" not in capsys.readouterr().err


def test_schema_is_valid_openapi_3_with_every_path(schema):
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == PATHS
    assert all(set(operations) == {"get"} for operations in schema["paths"].values())


def test_news_list_parameters_are_the_filtersets(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/news/"]["get"]["parameters"]}
    assert set(parameters) == {
        "q",
        "field_of_work",
        "country",
        "issued_by",
        "type",
        "date_from",
        "date_to",
        "sort",
        "page",
        "lang",
    }
    assert parameters["country"]["schema"]["type"] == "array"
    assert parameters["date_from"]["schema"]["format"] == "date"
    assert sorted(parameters["sort"]["schema"]["enum"]) == ["newest", "oldest", "relevance"]
    assert "ru" in parameters["lang"]["schema"]["enum"]


def test_list_responses_describe_facets_and_results(schema):
    envelope = schema["components"]["schemas"]["NewsList"]["properties"]
    assert {"count", "next", "previous", "facets", "ignored", "results"} <= set(envelope)
    item = schema["components"]["schemas"]["NewsItem"]["properties"]
    assert {"issued_by", "fields_of_work", "countries", "image", "url"} <= set(item)


def test_docs_page_documents_every_endpoint_and_object_of_the_schema(client, schema):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "<title>API documentation" in text
    for path in schema["paths"]:
        assert f"<code>{path}</code>" in text, path
    for name in schema["components"]["schemas"]:
        assert f'id="object-{name.lower()}"' in text, name
    assert "curl -s &#x27;https://www.example.org/api/v1/news/" in text
    assert "<script" not in text.split("</header>", 1)[1].split("<footer", 1)[0]
    assert "swagger" not in text.lower()
    assert text.count('<span class="api-docs__method">GET</span>') == len(schema["paths"])


def test_docs_page_lists_the_values_the_listings_accept_now(client, db):
    from tests.factories import DonorFactory, FieldOfWorkFactory

    FieldOfWorkFactory(slug="policing", name="Policing")
    DonorFactory(slug="norway", name="Norway")
    text = client.get("/api/v1/docs/").content.decode()
    projects = text.split('id="endpoint-projects-list"', 1)[1].split("</section>", 1)[0]
    assert "<code>status</code>" in projects
    assert "<code>ongoing</code> – Ongoing" in projects
    assert "<code>norway</code> – Norway" in projects
    assert "<code>policing</code> – Policing" in projects
    assert "<code>newest</code>" in projects
    assert "curl -s &#x27;https://www.example.org/api/v1/projects/?" in projects
    german = client.get("/de/api/v1/docs/").content.decode()
    assert "<code>ongoing</code> – Laufend" in german


def test_schema_ignores_drf_spectaculars_own_lang_and_version(client):
    """They would activate any string as a language and write any text into a header."""
    response = client.get("/api/v1/schema/?version=1%0d%0aX-Injected:%201&lang=%00xx")
    assert response.status_code == 200
    assert "X-Injected" not in response
    assert response.json()["info"]["version"] == "1"
    assert response["Content-Language"] == "en"
