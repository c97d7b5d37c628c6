"""Faults behind the site: a database that is gone answers 503 in the site's layout and the
site recovers by itself; a Redis that is gone is a cache that misses."""

import logging
import shutil
import socket
import subprocess
import time
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from osce_site import resilient_cache
from osce_site.resilient_cache import ResilientRedisCache, ReusingRedisCacheClient
from tests.factories import NewsItemFactory
from tests.infrastructure import missing
from website.views.home import HomeView

# A port in this project's range that nothing listens on.
DEAD_PORT = 8799


def assert_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "The site is briefly unavailable" in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "/static/css/site.css" in html


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_error_in_a_view_is_a_503_in_the_sites_layout(client, error):
    with mock.patch.object(HomeView, "get", side_effect=error("connection lost")):
        assert_outage_page(client.get("/"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/", "/news/", "/news/some-item/", "/search/?q=x", "/meetings/"])
def test_every_query_failing_gives_503_then_the_site_recovers(path):
    """As in a PostgreSQL restart: every cursor fails, for the page, the navigation, the
    session. The outage page itself needs no database."""
    NewsItemFactory(slug="some-item")
    client = Client(raise_request_exception=False)
    with mock.patch.object(
        BaseDatabaseWrapper, "cursor", side_effect=OperationalError("server closed the connection")
    ):
        assert_outage_page(client.get(path))
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_database_error_after_the_view_is_a_503_too():
    """A failure outside the view (here: saving the session) reaches handler500."""
    client = Client(raise_request_exception=False)
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_response",
        side_effect=OperationalError("gone"),
    ):
        assert_outage_page(client.get("/"))


@pytest.mark.django_db
def test_other_errors_are_still_the_500_page():
    client = Client(raise_request_exception=False)
    with mock.patch.object(HomeView, "get", side_effect=ValueError("bug")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


@pytest.mark.django_db
def test_health_check_reports_the_outage(client):
    with mock.patch.object(
        BaseDatabaseWrapper, "cursor", side_effect=OperationalError("server closed")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503


# Redis --------------------------------------------------------------------------------------


def dead_cache():
    return ResilientRedisCache(f"redis://127.0.0.1:{DEAD_PORT}/0", {"KEY_PREFIX": "t"})


def test_unreachable_redis_reads_as_a_miss_and_drops_writes(caplog):
    cache = dead_cache()
    with caplog.at_level(logging.WARNING, logger="osce.cache"):
        assert cache.get("key") is None
        assert cache.get("key", "default") == "default"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.has_key("key") is False
        assert cache.set("key", 1) is None
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert cache.add("key", 1) is False
        assert cache.touch("key") is False
        assert cache.delete("key") is False
        assert cache.delete_many(["a"]) is None
        assert cache.get_or_set("key", lambda: "computed") == "computed"
        with pytest.raises(ValueError):
            cache.incr("key")
    warnings = [r for r in caplog.records if r.name == "osce.cache"]
    assert len(warnings) == 1, "one warning per outage, not one per call"
    assert not cache.is_available


def test_after_a_failure_redis_is_not_asked_again_for_a_while(clock):
    cache = dead_cache()
    assert cache.get("key") is None
    with mock.patch("django.core.cache.backends.redis.RedisCacheClient.get") as client_get:
        for _ in range(50):
            assert cache.get("key") is None
        clock.advance(resilient_cache.RETRY_SECONDS - 1)
        assert cache.get("key") is None
    client_get.assert_not_called()
    clock.advance(1)  # the pause is over: the next call tries again
    with mock.patch(
        "django.core.cache.backends.redis.RedisCacheClient.get", return_value="back"
    ) as client_get:
        assert cache.get("key") == "back"
    client_get.assert_called_once()
    assert cache.is_available


def test_socket_timeouts_bound_a_hanging_redis():
    """A Redis that accepts the connection and never answers costs a page about a second,
    then reads as a miss."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        cache = ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {})
        started = time.monotonic()
        assert cache.get("key", "fallback") == "fallback"
        assert time.monotonic() - started < 3
    assert not cache.is_available


@pytest.mark.django_db
def test_site_serves_pages_when_redis_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "osce_site.resilient_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{DEAD_PORT}/0",
        }
    }
    settings.PAGE_CACHE = True
    NewsItemFactory(title="Served without Redis", slug="no-redis")
    for path in ("/", "/news/", "/news/no-redis/", "/news/feed/", "/search/?q=redis"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Served without Redis" in client.get("/news/").content.decode()


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of our own on a free port, so stopping it disturbs nobody."""
    binary = shutil.which("redis-server")
    if binary is None:
        missing("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    def start():
        process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp_path),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                return process
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    server = {"port": port, "process": start(), "start": start}
    yield server
    server["process"].terminate()
    server["process"].wait(timeout=10)


def test_real_redis_going_away_and_coming_back(redis_server, clock):
    cache = ResilientRedisCache(f"redis://127.0.0.1:{redis_server['port']}/0", {})
    cache.set("page", "cached")
    assert cache.get("page") == "cached"

    redis_server["process"].terminate()
    redis_server["process"].wait(timeout=10)
    assert cache.get("page") is None
    assert cache.add("page", "x") is False
    assert not cache.is_available

    redis_server["process"] = redis_server["start"]()
    clock.advance(resilient_cache.RETRY_SECONDS)
    cache.set("page", "again")
    assert cache.get("page") == "again"
    assert cache.is_available


def test_redis_client_is_reused_between_calls():
    """Django's RedisCacheClient makes a new `redis.Redis` per call; ours keeps one per pool."""
    client = ReusingRedisCacheClient(["redis://127.0.0.1:6379/15"])
    first = client.get_client(write=True)
    assert client.get_client(write=True) is first
    assert client.get_client("key") is client.get_client("other")
