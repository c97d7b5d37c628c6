"""Query-count pins: a list or an item costs a fixed number of queries whatever it holds."""

import pytest

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    NewsItemFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def warm(client):
    """The content state's schedule is read once after a change, by whichever request
    comes first: a first request takes it, so the pins count the view's own queries."""

    def warm_up():
        client.get("/api/v1/")

    return warm_up


def news(count):
    field = FieldOfWorkFactory(slug="policing")
    country = CountryFactory(slug="serbia")
    structures = [StructureFactory(), StructureFactory()]
    for n in range(count):
        NewsItemFactory(
            slug=f"item-{n}", fields_of_work=[field], countries=[country], issued_by=structures
        )


@pytest.mark.parametrize("count", [3, 30])
def test_news_list(client, django_assert_max_num_queries, count):
    news(count)
    # The HTML listing builds the facet index and the options, and stores no API object.
    client.get("/news/")
    # The page's rows, with issuers, fields of work and countries: four queries.
    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/news/?field_of_work=policing&country=serbia")
    assert response.json()["count"] == count
    # Then from the cache, row for row.
    with django_assert_max_num_queries(0):
        assert client.get("/api/v1/news/?country=serbia").json()["count"] == count


@pytest.mark.parametrize("count", [3, 30])
def test_news_search(client, django_assert_max_num_queries, count):
    news(count)
    client.get("/news/")
    # And the search's ranked ids, once per search words and content state.
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/news/?q=item")
    assert response.json()["count"] == count


def test_news_item(client, warm, django_assert_max_num_queries):
    news(1)
    warm()
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/news/item-0/").status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_meetings_list(client, warm, django_assert_max_num_queries, count):
    series = MeetingTypeFactory()
    field = FieldOfWorkFactory()
    for _ in range(count):
        MeetingFactory(meeting_type=series).fields_of_work.set([field])
    warm()
    # Series with counts, the past page's count and rows with their fields of work, the
    # upcoming rows with theirs.
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/meetings/")
    assert response.json()["count"] == count


def test_meeting(client, warm, django_assert_max_num_queries):
    MeetingFactory(slug="m")
    warm()
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/meetings/m/").status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_taxonomy(client, warm, django_assert_max_num_queries, count):
    parent = None
    for _ in range(count):
        parent = StructureFactory(parent=parent)
        CountryFactory()
        FieldOfWorkFactory()
    warm()
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/v1/structures/").json()) == 1
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v1/countries/").json()) == count
    with django_assert_max_num_queries(1):
        assert len(client.get("/api/v1/fields-of-work/").json()) == count
