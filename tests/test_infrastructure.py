"""tests.infrastructure: a missing service skips on a contributor's machine and fails in CI."""

import datetime
import time

import pytest
from django.utils import timezone

from tests.infrastructure import in_ci, missing


@pytest.mark.parametrize("value", ["true", "TRUE", "1", " true "])
def test_ci_is_recognised(value):
    assert in_ci({"CI": value})


@pytest.mark.parametrize("value", ["", "false", "0", "no"])
def test_anything_else_is_a_users_machine(value):
    assert not in_ci({"CI": value})
    assert not in_ci({})


def test_a_users_machine_skips_with_the_reason(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Redis at redis://x"):
        missing("no Redis at redis://x")


@pytest.mark.parametrize("value", ["true", "1"])
def test_ci_fails_with_the_same_reason(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="no Redis at redis://x"):
        missing("no Redis at redis://x")


def test_ci_false_still_skips(monkeypatch):
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        missing("chromium is missing")


def test_the_clock_moves_wall_and_monotonic_time_together(clock):
    wall, monotonic, now = time.time(), time.monotonic(), timezone.now()
    clock.advance(30)
    assert 30 <= time.time() - wall < 31
    assert 30 <= time.monotonic() - monotonic < 31
    assert datetime.timedelta(seconds=30) <= timezone.now() - now < datetime.timedelta(seconds=31)
