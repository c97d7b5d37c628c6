"""Every page runs a fixed number of queries, whatever the number of items it shows.

Each page is built with 3 and with 30 of everything it lists and must stay under the same
ceiling. The ceilings include the first build of the cached menu (5 queries).
"""

import datetime

import pytest
from django.utils import timezone

from structures.models import StructureKind
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    NewsItemFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """A small organisation: every page below lists `n` of its things."""

    def build(n):
        country = CountryFactory(slug="here")
        ChairpersonshipFactory(year=timezone.localdate().year, country=country)
        parent = StructureFactory(slug="parent")
        field = FieldOfWorkFactory(slug="field")
        series = MeetingTypeFactory(slug="series")
        today = timezone.localdate()
        for i in range(n):
            child = StructureFactory(
                parent=parent, kind=StructureKind.FIELD_OPERATION, host_country=country
            )
            StructureFactory(parent=child)
            CountryFactory()
            FieldOfWorkFactory()
            MeetingTypeFactory()
            NewsItemFactory(
                issued_by=[child, parent],
                fields_of_work=[field, FieldOfWorkFactory()],
                countries=[country, CountryFactory()],
            )
            MeetingFactory(meeting_type=series, start_date=datetime.date(2015, 1, 1 + i % 28))
            MeetingFactory(
                meeting_type=series,
                start_date=today + datetime.timedelta(days=i + 1),
                end_date=today + datetime.timedelta(days=i + 2),
                fields_of_work=[field],
            )
        meeting = MeetingFactory(
            slug="the-meeting", meeting_type=series, fields_of_work=[field], host_country=country
        )
        for i in range(n):
            meeting.documents.create(title=f"Doc {i}", url=f"https://example.org/{i}.pdf")

    return build


PAGES = [
    ("/", 12),
    ("/fields-of-work/", 7),
    ("/fields-of-work/field/", 13),
    ("/countries/", 7),
    ("/countries/here/", 13),
    ("/structures/", 6),
    ("/structures/parent/", 13),
    ("/meetings/", 9),
    ("/meetings/?type=series&page=1", 9),
    ("/meetings/the-meeting/", 8),
    ("/sitemap.xml", 10),
    ("/sitemap-news.xml", 2),
    ("/sitemap-structures.xml", 2),
]


@pytest.mark.parametrize("n", [3, 30])
@pytest.mark.parametrize(("url", "ceiling"), PAGES)
def test_page_query_count_does_not_grow(
    client, world, django_assert_max_num_queries, n, url, ceiling
):
    world(n)
    with django_assert_max_num_queries(ceiling):
        response = client.get(url)
    assert response.status_code == 200
