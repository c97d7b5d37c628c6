"""Nothing shared through Redis is unpickled: plain data in, plain data out."""

import pickle

import pytest
import redis
from django.test import Client
from django.utils.safestring import mark_safe

from osce_site.cache_serializer import PlainDataSerializer
from osce_site.page_cache import HEADER
from tests.factories import NewsItemFactory
from tests.infrastructure import missing

REDIS_URL = "redis://127.0.0.1:6379/11"
TRIGGERED = []


def trigger():
    TRIGGERED.append("code ran")


class Exploit:
    """A value whose unpickling runs code: what an attacker who can write to Redis plants."""

    def __reduce__(self):
        return (trigger, ())


def test_plain_values_come_back_as_plain_values():
    serializer = PlainDataSerializer()
    for value in ["text", b"\x00bytes", [1, 2], {"a": (1, None)}, 2.5, True, None]:
        assert serializer.loads(serializer.dumps(value)) == value
    assert serializer.loads(serializer.dumps(mark_safe("<b>x</b>"))) == "<b>x</b>"
    assert serializer.dumps(7) == 7  # raw, so that INCR works on counters
    assert serializer.loads(b"7") == 7


def test_anything_but_plain_data_is_refused_when_stored():
    with pytest.raises(TypeError, match="plain data"):
        PlainDataSerializer().dumps(Exploit())


def test_a_pickle_found_in_the_cache_is_a_miss_and_never_runs():
    TRIGGERED.clear()
    assert PlainDataSerializer().loads(pickle.dumps(Exploit())) is None
    assert TRIGGERED == []


@pytest.fixture
def redis_cache(settings):
    try:
        connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        connection.flushdb()
    except redis.exceptions.ConnectionError:
        missing(f"Redis tests skipped: no Redis at {REDIS_URL}")
    settings.CACHES = {
        "default": {
            "BACKEND": "osce_site.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"serializer": "osce_site.cache_serializer.PlainDataSerializer"},
        }
    }
    settings.PAGE_CACHE = True
    yield connection
    connection.flushdb()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/news/border-police-trained/", "/meetings/", "/search/?q=border", "/countries/"]
)
def test_every_page_type_and_its_fragments_go_through_redis(redis_cache, path):
    """Whatever a page caches on the way (rows, fragments, cards, the menu) is plain data: a
    Python object would be refused, and the page would never be stored."""
    NewsItemFactory(title="Border police trained", slug="border-police-trained")
    assert Client().get(path)[HEADER] == "MISS"
    assert Client().get(path)[HEADER] == "HIT"
    redis_cache.flushdb()
    # Fragments stored while rendering are read back from Redis, not only pages.
    Client().get(path)
    for key in redis_cache.keys("*page:*"):
        redis_cache.delete(key)
    assert Client().get(path).status_code == 200


@pytest.mark.django_db
def test_pages_go_through_redis_as_plain_data(redis_cache):
    """The whole site through a real Redis: a stored page is served again, and a pickle
    planted under its key is a miss (the page is rendered again), never code run."""
    NewsItemFactory(title="Border police trained")
    first = Client().get("/news/")
    assert first[HEADER] == "MISS"
    second = Client().get("/news/")
    assert second[HEADER] == "HIT"
    assert second.content == first.content
    stored = list(redis_cache.keys("*page:*"))
    assert stored
    assert all(redis_cache.get(key).startswith(b"osce1:") for key in stored)
    TRIGGERED.clear()
    for key in stored:
        redis_cache.set(key, pickle.dumps(Exploit()))
    assert Client().get("/news/").status_code == 200
    assert TRIGGERED == []
