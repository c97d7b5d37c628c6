import datetime

import pytest
from django.utils import timezone

from core.publishing import Status
from tests.factories import MeetingFactory, NewsItemFactory


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
