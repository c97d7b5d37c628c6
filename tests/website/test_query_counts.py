"""Every page runs a fixed number of queries, whatever the number of items it shows.

Each page is built with 3 and with 30 of everything it lists and must stay under the same
ceiling. The ceilings are for a warm process: the first request builds the cached menu (5
queries), the facet index and the facets' taxonomy (a fixed number more, tested separately).
"""

import datetime

import pytest
from django.utils import timezone

from structures.models import StructureKind
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    DocumentFactory,
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
            DocumentFactory(
                meeting=meeting, title=f"Doc {i}", external_url=f"https://example.org/{i}.pdf"
            )

    return build


PAGES = [
    # The home page's blocks come from the cache on the second request (see below).
    ("/", 0),
    ("/fields-of-work/", 2),
    # Its news, the side column's other fields, "Current projects" (ids and count), meetings,
    # "Latest publications" (ids and count; cards when there are some).
    ("/fields-of-work/field/", 10),
    ("/countries/", 2),
    ("/countries/here/", 10),
    ("/structures/", 1),
    ("/structures/parent/", 9),
    ("/meetings/", 4),
    ("/meetings/?type=series&page=1", 4),
    # The meeting, its documents: their ids, rows (with their type), issuers and files.
    ("/meetings/the-meeting/", 6),
    ("/sitemap.xml", 15),  # two per section: its latest change and its pages
    ("/sitemap-news.xml", 2),
    ("/sitemap-structures.xml", 2),
    # Cards come from the cache on the second request (see the test below for the first).
    ("/news/", 2),
    ("/news/?field_of_work=field&country=here", 2),
    ("/news/?q=news", 4),
]


@pytest.mark.parametrize("n", [3, 30])
@pytest.mark.parametrize(("url", "ceiling"), PAGES)
def test_page_query_count_does_not_grow(
    client, world, django_assert_max_num_queries, n, url, ceiling
):
    world(n)
    client.get(url)
    with django_assert_max_num_queries(ceiling):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_first_request_builds_derived_data_in_fixed_queries(
    client, world, django_assert_max_num_queries, n
):
    """Menu (5) with its simple pages, footer (1), content state (2), facet index (4), taxonomy
    (3) plus the home page's own (with "Latest publications")."""
    world(n)
    with django_assert_max_num_queries(33):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_listing_loads_its_cards_in_two_queries_and_none_once_they_are_cached(
    client, world, django_assert_num_queries, n
):
    """Counts, pages and the filter panel come from the facet index: the rows of the page
    and their issuers are the listing's only queries, until its cards are in the cache."""
    world(n)
    client.get("/")
    with django_assert_num_queries(2):
        assert client.get("/news/?country=here").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/news/?country=here").status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_home_renders_its_blocks_in_twelve_queries_and_none_once_they_are_cached(
    client, world, django_assert_num_queries, n
):
    """The featured item's id, the cards of the lead story, the stories and the three
    columns by type (items and their issuers: two queries for all of them), upcoming and
    recent meetings, the fields of work, the key figures (countries, field operations,
    the Chairpersonship), and the latest publications (rows with their type, issuers, files);
    the meetings' and publications' ids first, each in a query of its own, so that their
    versions are read before their rows (`PublishableQuerySet.shown`: the blocks keep what
    they show, core.page_dependencies); then nothing at all: the blocks are cached per
    content state and language."""
    world(n)
    client.get("/news/")
    with django_assert_num_queries(15):
        assert client.get("/").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_news_item_runs_nine_queries_and_none_once_it_is_cached(
    client, world, django_assert_num_queries, n
):
    """The item's id by its slug (its version is read before its row: core.page_dependencies),
    the item, its issuers, fields of work and countries, the related news and their issuers,
    the projects it is part of, its documents; then nothing: its id, row and fragments are
    cached."""
    from news.models import NewsItem

    world(n)
    url = NewsItem.objects.first().get_absolute_url()
    client.get("/news/")
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
