"""`manage.py rebuild_search_index` leaves the planner statistics on the tables it indexes."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import MeetingFactory, NewsItemFactory
from tests.planner_statistics import analysed_tables

pytestmark = pytest.mark.django_db

INDEXED_TABLES = ["news_newsitem", "news_meeting"]


def test_the_planner_has_statistics_on_the_indexed_tables():
    NewsItemFactory.create_batch(3)
    MeetingFactory.create_batch(2)

    call_command("rebuild_search_index", stdout=StringIO())

    assert analysed_tables(INDEXED_TABLES) == set(INDEXED_TABLES)
