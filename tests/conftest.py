import datetime
import time

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from core.publishing import Status
from tests.factories import MeetingFactory, NewsItemFactory, UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache so cached pages never leak between tests (and
    without this process's copies of what it read from it, core.fragments)."""
    from django.core.cache import cache

    from core import fragments

    cache.clear()
    fragments.LOCAL.clear()
    yield
    cache.clear()
    fragments.LOCAL.clear()


@pytest.fixture(autouse=True)
def _english_between_requests():
    """Each test starts in English. A request through LocaleMiddleware leaves its language
    active in the thread, and modeltranslation writes `title=` to the active language."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def roles(db):
    from django.core.management import call_command

    call_command("setup_roles", verbosity=0)
    return {group.name: group for group in Group.objects.all()}


@pytest.fixture
def editor(roles):
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(roles["Editor"])
    return user


@pytest.fixture
def publisher(roles):
    user = UserFactory(username="publisher", is_staff=True)
    user.groups.add(roles["Publisher"])
    return user


@pytest.fixture
def taxonomy(db):
    """The real organisation, as `load_taxonomy` loads it."""
    from django.core.management import call_command

    call_command("load_taxonomy", verbosity=0)


class Clock:
    """The test's clock: `advance(seconds)` moves the wall clock (time.time, datetime.now,
    timezone.now, through time_machine) and `time.monotonic` together, so code under test sees
    seconds pass without the test waiting for them.

    time_machine 3 no longer moves `time.monotonic` (a monotonic clock that jumps backwards
    broke event loops and database drivers). Here it only ever moves forward, from the real
    monotonic clock plus the seconds advanced, so nothing sees it go back."""

    def __init__(self, traveller, monkeypatch):
        self._traveller = traveller
        self._ahead = 0.0
        real, real_ns = time.monotonic, time.monotonic_ns
        monkeypatch.setattr(time, "monotonic", lambda: real() + self._ahead)
        monkeypatch.setattr(time, "monotonic_ns", lambda: real_ns() + int(self._ahead * 1e9))

    def advance(self, seconds):
        self._traveller.shift(seconds)
        self._ahead += seconds


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves forward (see Clock); it keeps ticking in real time besides."""
    with time_machine.travel(time.time(), tick=True) as traveller:
        yield Clock(traveller, monkeypatch)


@pytest.fixture
def hidden_states():
    """Keyword sets for the three kinds of item visitors must never see."""
    now = timezone.now()
    return {
        "draft": {"status": Status.DRAFT},
        "scheduled": {"publish_at": now + datetime.timedelta(days=2)},
        "expired": {
            "publish_at": now - datetime.timedelta(days=3),
            "expire_at": now - datetime.timedelta(days=1),
        },
    }


@pytest.fixture
def make_hidden_news(hidden_states):
    def make(**kwargs):
        return [
            NewsItemFactory(title=f"Hidden {state} news", **values, **kwargs)
            for state, values in hidden_states.items()
        ]

    return make


@pytest.fixture
def make_hidden_meetings(hidden_states):
    def make(**kwargs):
        return [
            MeetingFactory(title=f"Hidden {state} meeting", **values, **kwargs)
            for state, values in hidden_states.items()
        ]

    return make
