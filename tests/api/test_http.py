"""The API under the site's HTTP rules: ETag and 304, the page cache keyed by the content
state (an edit shows at once), CORS for GET, and no draft ever stored or served."""

import pytest
from django.test import Client

from core.publishing import Status
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

URLS = ["/api/v1/", "/api/v1/news/", "/api/v1/news/item/", "/api/v1/structures/"]


@pytest.fixture
def item(db):
    return NewsItemFactory(slug="item", title="First title")


@pytest.fixture(params=[False, True], ids=["no-page-cache", "page-cache"])
def page_cache(request, settings):
    settings.PAGE_CACHE = request.param
    return request.param


@pytest.mark.parametrize("url", URLS)
def test_etag_and_304(client, item, page_cache, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200


def test_canonical_query_is_stored_and_served_from_the_page_cache(client, item, settings):
    settings.PAGE_CACHE = True
    assert client.get("/api/v1/news/?type=news")["X-Page-Cache"] == "MISS"
    hit = client.get("/api/v1/news/?type=news")
    assert hit["X-Page-Cache"] == "HIT"
    assert hit["Access-Control-Allow-Origin"] == "*"
    assert hit.json()["results"][0]["slug"] == "item"
    # Unknown values are answered but never stored: random URLs cannot fill the cache.
    client.get("/api/v1/news/?type=nonsense")
    assert "X-Page-Cache" not in client.get("/api/v1/news/?type=nonsense")


def test_an_edit_shows_at_once_in_cached_responses(client, item, settings):
    settings.PAGE_CACHE = True
    for url in ("/api/v1/news/", "/api/v1/news/item/"):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT"
    item.title = "Second title"
    item.save()
    assert client.get("/api/v1/news/").json()["results"][0]["title"] == "Second title"
    assert client.get("/api/v1/news/item/").json()["title"] == "Second title"
    item.status = Status.DRAFT
    item.save()
    assert client.get("/api/v1/news/").json()["results"] == []
    assert client.get("/api/v1/news/item/").status_code == 404


def test_responses_are_public_and_cacheable_downstream(client, item):
    response = client.get("/api/v1/news/")
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
    # One renderer: nothing varies on Accept, so the page cache may store it.
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    assert "accept" not in vary


@pytest.mark.parametrize("url", [*URLS, "/api/v1/news/missing/", "/ru/api/v1/news/"])
def test_cors_allows_any_origin_to_read(client, item, url):
    response = client.get(url, headers={"origin": "https://elsewhere.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_cors_is_for_get_only(client, item):
    for method in (client.post, client.put, client.delete, client.options):
        response = method("/api/v1/news/")
        assert response.status_code == 405
        assert "Access-Control-Allow-Origin" not in response
    assert client.head("/api/v1/news/")["Access-Control-Allow-Origin"] == "*"


def test_pages_outside_the_api_get_no_cors_header(client, item):
    assert "Access-Control-Allow-Origin" not in client.get("/news/")


def test_a_signed_in_editor_sees_no_draft_either(item, editor):
    NewsItemFactory(slug="secret-draft", status=Status.DRAFT)
    staff = Client()
    staff.force_login(editor)
    assert staff.get("/api/v1/news/secret-draft/").status_code == 404
    assert "secret-draft" not in staff.get("/api/v1/news/").content.decode()


def test_a_path_without_its_slash_is_redirected(client):
    response = client.get("/api/v1/news?type=news")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/news/?type=news"


@pytest.mark.parametrize("path", ["/api/", "/api/v2/news/", "/api/v1/nothing/", "/ru/api/v1/x/"])
def test_unknown_api_paths_are_json_404s(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "no-cache"
