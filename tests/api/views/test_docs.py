"""`/api/v1/schema/` (OpenAPI 3) and `/api/v1/docs/` (Swagger UI from our static files)."""

import re

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


def test_docs_page_uses_only_local_static_assets(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "<title>API documentation" in text
    assert 'data-schema-url="/api/v1/schema/"' in text
    sources = re.findall(r'(?:src|href)="([^"]+)"', text)
    assets = [s for s in sources if s.endswith((".js", ".css"))]
    assert any("swagger-ui-bundle.js" in s for s in assets)
    assert any("swagger-ui.css" in s for s in assets)
    assert all(s.startswith("/static/") for s in assets), assets
    assert "<script>" not in text  # no inline script: no CSP nonce needed
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
        assert b"".join(served.streaming_content) if served.streaming else served.content


def test_docs_page_is_translated(client):
    text = client.get("/de/api/v1/docs/").content.decode()
    assert "<title>API-Dokumentation" in text


def test_schema_ignores_drf_spectaculars_own_lang_and_version(client):
    """They would activate any string as a language and write any text into a header."""
    response = client.get("/api/v1/schema/?version=1%0d%0aX-Injected:%201&lang=%00xx")
    assert response.status_code == 200
    assert "X-Injected" not in response
    assert response.json()["info"]["version"] == "1"
    assert response["Content-Language"] == "en"
