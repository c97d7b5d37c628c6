"""The API's rate limit per client: 429 with Retry-After, counted per address as
core.client_ip finds it (X-Forwarded-For only from a trusted proxy)."""

import pytest

from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def limited(settings, db):
    settings.API_RATE_LIMIT = "3/minute"
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    NewsItemFactory(slug="item")


def test_over_the_limit_is_429_with_retry_after(client, limited):
    for _ in range(3):
        assert client.get("/api/v1/news/").status_code == 200
    response = client.get("/api/v1/news/item/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "detail" in response.json()


def test_each_client_has_its_own_count(client, limited):
    behind_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(3):
        response = client.get("/api/v1/", HTTP_X_FORWARDED_FOR="192.0.2.1", **behind_proxy)
        assert response.status_code == 200
    assert (
        client.get("/api/v1/", HTTP_X_FORWARDED_FOR="192.0.2.1", **behind_proxy).status_code == 429
    )
    assert (
        client.get("/api/v1/", HTTP_X_FORWARDED_FOR="192.0.2.2", **behind_proxy).status_code == 200
    )


def test_a_client_cannot_pick_its_counter_with_a_forged_header(client, limited):
    """From an untrusted peer X-Forwarded-For is ignored: every request counts for the peer."""
    statuses = [
        client.get("/api/v1/", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_off_means_no_limit(client, settings, db):
    settings.API_RATE_LIMIT = "off"
    assert all(client.get("/api/v1/").status_code == 200 for _ in range(10))


def test_responses_from_the_page_cache_are_not_counted(client, limited, settings):
    settings.PAGE_CACHE = True
    statuses = [client.get("/api/v1/news/").status_code for _ in range(6)]
    assert statuses == [200] * 6
    # Three requests reached the view: the first above and these two.
    assert client.get("/api/v1/news/?type=news").status_code == 200
    assert client.get("/api/v1/news/?type=press-release").status_code == 200
    assert client.get("/api/v1/news/?type=spot-report").status_code == 429
