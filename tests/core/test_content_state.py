"""The content state (core.content_state): one number every cached thing is keyed by, which a
process may trust for up to a second, but never past a change it made itself or a scheduled
publication coming due."""

import datetime

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core import content_state
from core.content_changes import content_changed
from core.content_state import (
    MAX_VERSION_SECONDS,
    VERSION_KEY,
    content_version,
    current_state,
    forget_state,
    next_scheduled_change,
    state_key,
    trusted_seconds,
)
from tests.factories import FieldOfWorkFactory, NewsItemFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def memo_on(settings):
    settings.CONTENT_VERSION_SECONDS = 1
    forget_state()
    yield
    forget_state()


@pytest.fixture
def cache_reads(monkeypatch):
    reads = []
    get = cache.get

    def counting(key, *args, **kwargs):
        reads.append(key)
        return get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting)
    return reads


def test_a_trusted_state_is_read_from_the_cache_once(memo_on, cache_reads):
    first = state_key()
    assert cache_reads
    cache_reads.clear()
    assert [state_key() for _ in range(5)] == [first] * 5
    assert cache_reads == []


def test_without_the_memo_every_call_reads_the_cache(cache_reads):
    state_key()
    cache_reads.clear()
    state_key()
    assert VERSION_KEY in cache_reads


def test_a_change_made_in_this_process_is_seen_at_once(memo_on):
    before = state_key()
    NewsItemFactory()
    assert state_key() != before


def test_a_change_made_by_another_server_is_seen_within_a_second(memo_on, clock):
    before = state_key()
    cache.incr(VERSION_KEY)  # what another app server's save does
    clock.advance(MAX_VERSION_SECONDS)
    assert state_key() != before


def test_a_scheduled_publication_moves_the_state_even_while_it_is_trusted(memo_on, clock):
    go_live = timezone.now() + datetime.timedelta(seconds=0.3)
    NewsItemFactory(publish_at=go_live)
    before, boundary = current_state()
    assert boundary == pytest.approx(go_live.timestamp())
    clock.advance(0.35)
    # Less than the trusted second since the read, but the boundary has passed.
    after, next_boundary = current_state()
    assert after != before
    assert next_boundary is None


def test_the_memo_never_lasts_more_than_a_second(settings):
    settings.CONTENT_VERSION_SECONDS = 30
    assert trusted_seconds() == MAX_VERSION_SECONDS
    settings.CONTENT_VERSION_SECONDS = -1
    assert trusted_seconds() == 0


class TestTransactions:
    """A transaction's changes move the shared version once, when they become visible to
    everyone; until then only the connection that made them reads under a new state."""

    pytestmark = pytest.mark.django_db(transaction=True)

    def test_any_number_of_changes_move_the_version_once_at_the_commit(self):
        item = NewsItemFactory()
        before = content_version()
        with transaction.atomic():
            states = [state_key()]
            for title in ("One", "Two", "Three"):
                item.title = title
                item.save()
                states.append(state_key())
            assert content_version() == before
        assert len(set(states)) == 4
        assert content_version() == before + 1
        assert state_key() not in states

    def test_a_rollback_leaves_the_state_as_it_was(self):
        item = NewsItemFactory()
        before = state_key()
        with transaction.atomic():
            item.title = "Never seen"
            item.save()
            assert state_key() != before
            transaction.set_rollback(True)
        assert state_key() == before

    def test_a_savepoint_rolled_back_takes_its_change_with_it(self):
        item = NewsItemFactory()
        before = content_version()
        with transaction.atomic():
            outer = state_key()
            with transaction.atomic():
                item.title = "Never seen"
                item.save()
                transaction.set_rollback(True)
            assert state_key() == outer
        assert content_version() == before

    def test_outside_a_transaction_each_change_moves_the_version(self):
        item = NewsItemFactory()
        before = content_version()
        item.title = "One"
        item.save()
        assert content_version() == before + 1

    def test_a_bulk_load_reports_its_change_with_one_call(self):
        before = state_key()
        content_changed()
        assert state_key() != before


def test_the_next_scheduled_change_is_one_query_for_every_content_type(
    django_assert_num_queries,
):
    """The earliest moment of any model, whatever its type (a project's day, a news item's
    moment), found in one UNION query."""
    now = timezone.now()
    soon = now + datetime.timedelta(hours=2)
    NewsItemFactory(publish_at=now + datetime.timedelta(hours=5))
    NewsItemFactory(featured_until=now + datetime.timedelta(hours=4))
    today = timezone.localdate()
    ProjectFactory(
        start_date=today + datetime.timedelta(days=3), end_date=today + datetime.timedelta(days=9)
    )
    with django_assert_num_queries(1):
        assert next_scheduled_change() == pytest.approx(
            (now + datetime.timedelta(hours=4)).timestamp()
        )
    NewsItemFactory(expire_at=soon)
    with django_assert_num_queries(1) as captured:
        assert next_scheduled_change() == pytest.approx(soon.timestamp())
    # One row per model, not one per item: each arm groups by the status it filters for.
    groups = captured.captured_queries[0]["sql"].split("GROUP BY")[1:]
    assert groups
    assert all(group.split(",")[0].strip().endswith('."status"') for group in groups), groups


class TestTheNextScheduledChangeAfterAnEdit:
    """A change that moves no item's schedule leaves the next scheduled change where it was:
    nobody looks for it again (a query over every model, by every process after each save)."""

    pytestmark = pytest.mark.django_db(transaction=True)

    def test_an_edit_keeps_it_and_a_new_schedule_finds_it_again(self, monkeypatch):
        item = NewsItemFactory()
        field = FieldOfWorkFactory()
        current_state()
        calls = []
        find = content_state.next_scheduled_change
        monkeypatch.setattr(
            content_state, "next_scheduled_change", lambda: calls.append(1) or find()
        )
        item.title = "Edited"
        item.save()
        item.fields_of_work.add(field)
        calls.clear()
        forget_state()
        assert current_state()[1] is None
        assert calls == []
        soon = timezone.now() + datetime.timedelta(hours=2)
        item.expire_at = soon
        item.save()
        calls.clear()
        forget_state()
        assert current_state()[1] == pytest.approx(soon.timestamp())
        assert calls == [1]
