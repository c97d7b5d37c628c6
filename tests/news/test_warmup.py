"""No request waits for the facet index: while a worker's warm-up thread builds it, the SQL path
answers; once it is built, the index does (news.listing.warmup)."""

import threading
import time

import pytest

from core import content_changes
from news.listing import index as facet_index
from news.listing import warmup
from news.listing.definition import NEWS
from news.listing.index_engine import IndexEngine
from news.listing.sql_engine import SqlEngine
from news.models import NewsItem
from tests.factories import NewsItemFactory

# The warm-up thread reads through a connection of its own: the rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cold_worker(settings, monkeypatch):
    """A process holding no index, whose builds wait until the test sets `release`."""
    settings.FACET_INDEX_IN_BACKGROUND = True
    monkeypatch.setattr(facet_index, "_latest", {})
    monkeypatch.setattr(warmup, "_ready", {})
    events = {name: threading.Event() for name in ("started", "release", "finished")}
    build = facet_index.build_index

    def held_build(key, version=None, listing=NEWS):
        events["started"].set()
        events["release"].wait(10)
        index = build(key, version, listing)
        events["finished"].set()
        return index

    monkeypatch.setattr(facet_index, "build_index", held_build)
    yield events
    events["release"].set()


def wait_until(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_cold_worker_answers_from_sql_while_the_index_is_built(client, cold_worker):
    items = [NewsItemFactory(title=f"Cold start item {n}") for n in range(3)]

    response = client.get("/news/")

    assert response.status_code == 200
    assert isinstance(response.context["filter"].engine, SqlEngine)
    assert all(item.title in response.text for item in items)
    assert cold_worker["started"].wait(5), "the request asked the thread for the index"
    assert not cold_worker["finished"].is_set()
    # Later requests do not wait for the build under way either.
    assert isinstance(client.get("/news/").context["filter"].engine, SqlEngine)

    cold_worker["release"].set()
    wait_until(lambda: warmup.ready_index() is not None)
    response = client.get("/news/")

    assert isinstance(response.context["filter"].engine, IndexEngine)
    assert all(item.title in response.text for item in items)


def test_a_change_without_a_delta_is_answered_by_sql_until_the_new_index_is_ready(
    client, cold_worker
):
    cold_worker["release"].set()
    NewsItemFactory(title="Before the change")
    warmup.warm()
    assert isinstance(client.get("/news/").context["filter"].engine, IndexEngine)

    cold_worker["release"].clear()
    cold_worker["finished"].clear()
    NewsItem.objects.filter(title="Before the change").update(title="After the change")
    # A bulk write (no signals) leaves no delta: the index is built again.
    content_changes.content_changed()
    response = client.get("/news/")

    assert isinstance(response.context["filter"].engine, SqlEngine)
    assert "After the change" in response.text
    cold_worker["release"].set()
    wait_until(lambda: warmup.ready_index() is not None)
    assert "After the change" in client.get("/news/").text


def test_a_few_changes_are_caught_up_by_the_request_itself(client, cold_worker):
    """An editor's save: the index a few deltas behind is brought up to date in the request
    (milliseconds), not answered by SQL (hundreds for each page the save renders again)."""
    cold_worker["release"].set()
    NewsItemFactory(title="Before the change")
    warmup.warm()
    cold_worker["finished"].clear()
    NewsItemFactory(title="After the change")

    response = client.get("/news/")

    assert isinstance(response.context["filter"].engine, IndexEngine)
    assert "After the change" in response.text
    assert not cold_worker["finished"].is_set()


def test_the_master_warm_up_gives_workers_the_index_without_a_build(client, cold_worker):
    """What gunicorn's master loads before forking is what a fresh worker serves from."""
    cold_worker["release"].set()
    NewsItemFactory(title="Served at once")
    warmup.warm()
    cold_worker["finished"].clear()

    response = client.get("/news/")

    assert isinstance(response.context["filter"].engine, IndexEngine)
    assert not cold_worker["finished"].is_set()
