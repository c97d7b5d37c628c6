"""A stored listing page survives a listing move that cannot change it (core.listing_reach):
an item's change that adds the same to the page before and after (nothing, or the same values
in the one facet it misses) keeps the page; one that moves the item into or out of its filters,
or changes a count it shows, renders it again. Checked against real renders on random changes."""

import datetime
import random

import pytest

from core import content_changes, listing_reach
from core.publishing import Status
from news.models import NewsType
from osce_site.page_cache import HEADER
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    StructureFactory,
)
from tests.production.page_cache.pages import fetch, kept_and_rendered

pytestmark = pytest.mark.django_db(transaction=True)

AUSTRIA_ELECTIONS = "/news/?field_of_work=elections&country=austria"
AUSTRIA = "/news/?country=austria"
ELECTIONS = "/news/?field_of_work=elections"
SERBIA = "/news/?country=serbia"


@pytest.fixture
def taxonomy():
    return {
        "policing": FieldOfWorkFactory(slug="policing", name="Policing"),
        "elections": FieldOfWorkFactory(slug="elections", name="Elections"),
        "migration": FieldOfWorkFactory(slug="migration", name="Migration"),
        "serbia": CountryFactory(slug="serbia", name="Serbia"),
        "austria": CountryFactory(slug="austria", name="Austria"),
        "secretariat": StructureFactory(slug="secretariat", name="Secretariat"),
        "odihr": StructureFactory(slug="odihr", name="ODIHR"),
    }


@pytest.fixture
def edited(taxonomy):
    """The item an editor works on (policing, Serbia) and one elsewhere (elections, Austria)."""
    NewsItemFactory(
        title="Observers deployed",
        fields_of_work=[taxonomy["elections"]],
        countries=[taxonomy["austria"]],
        issued_by=[taxonomy["odihr"]],
    )
    return NewsItemFactory(
        title="Border police trained",
        fields_of_work=[taxonomy["policing"]],
        countries=[taxonomy["serbia"]],
        issued_by=[taxonomy["secretariat"]],
    )


def stored(visitor, *urls):
    for url in urls:
        fetch(visitor, url)
        assert visitor.get(url)[HEADER] == "HIT", url


class TestAMoveThatCannotReachThePage:
    def test_a_tag_outside_the_pages_filters_keeps_it(self, visitor, taxonomy, edited):
        stored(visitor, AUSTRIA_ELECTIONS, AUSTRIA)
        edited.fields_of_work.add(taxonomy["migration"])
        # Outside both filters, and outside the country filter with the same country.
        assert visitor.get(AUSTRIA_ELECTIONS)[HEADER] == "HIT"
        assert visitor.get(AUSTRIA)[HEADER] == "HIT"
        # Kept under the new listing state: still a hit after the next request.
        assert visitor.get(AUSTRIA)[HEADER] == "HIT"

    def test_a_script_saving_a_listing_field_outside_the_filters_keeps_it(self, visitor, edited):
        stored(visitor, AUSTRIA_ELECTIONS)
        edited.type = NewsType.PRESS_RELEASE
        edited.save()
        assert visitor.get(AUSTRIA_ELECTIONS)[HEADER] == "HIT"

    def test_an_item_unpublished_outside_the_filters_keeps_it(self, visitor, edited):
        stored(visitor, AUSTRIA_ELECTIONS)
        edited.status = Status.DRAFT
        edited.save()
        assert visitor.get(AUSTRIA_ELECTIONS)[HEADER] == "HIT"


class TestAMoveThatReachesThePage:
    def test_a_count_the_page_shows_renders_it_again(self, visitor, taxonomy, edited):
        stored(visitor, ELECTIONS, "/news/")
        edited.fields_of_work.add(taxonomy["migration"])
        # Its fields of work are counted beside the elections filter: Migration now has one.
        for url in (ELECTIONS, "/news/"):
            response, body = fetch(visitor, url)
            assert response[HEADER] == "MISS", url
            assert 'id="facet-field_of_work-migration"' in body

    def test_an_item_among_the_results_renders_it_again(self, visitor, taxonomy, edited):
        stored(visitor, SERBIA)
        edited.fields_of_work.add(taxonomy["migration"])
        assert visitor.get(SERBIA)[HEADER] == "MISS"

    def test_an_item_moved_into_the_filters_renders_it_again(self, visitor, taxonomy, edited):
        stored(visitor, AUSTRIA_ELECTIONS)
        edited.countries.add(taxonomy["austria"])
        response, body = fetch(visitor, AUSTRIA_ELECTIONS)
        assert response[HEADER] == "MISS"
        # It misses only the elections filter now: counted under Policing.
        assert 'id="facet-field_of_work-policing"' in body

    def test_a_move_that_kept_no_members_renders_it_again(self, visitor, edited):
        stored(visitor, AUSTRIA_ELECTIONS)
        content_changes.listing_unknown()
        assert visitor.get(AUSTRIA_ELECTIONS)[HEADER] == "MISS"

    def test_an_issuer_saved_outside_a_transaction_is_unknown_and_renders_it_again(
        self, visitor, taxonomy, edited
    ):
        stored(visitor, AUSTRIA_ELECTIONS)
        issuer = edited.issuers.get()
        issuer.structure = taxonomy["odihr"]
        issuer.save()
        assert visitor.get(AUSTRIA_ELECTIONS)[HEADER] == "MISS"


class TestTheFootprint:
    REACH = ("news.newsitem", ((("language", "en"),),), (("country", (("country", 2),)),), (10, 20))

    @pytest.mark.parametrize(
        ("membership", "expected"),
        [
            (None, None),
            ((15, (("language", "de"), ("country", 2))), None),  # another language
            ((9, (("language", "en"), ("country", 2))), None),  # before the period
            ((15, (("language", "en"), ("country", 2))), listing_reach.ALL),
            ((15, (("language", "en"), ("country", 3))), (0, (("country", 3),))),
        ],
    )
    def test_what_an_item_adds_to_a_page(self, membership, expected):
        assert listing_reach.footprint(self.REACH, membership) == expected


# Pages of every kind of filter: none, one facet, two, three, a period, later pages.
PAGES = (
    "/news/",
    ELECTIONS,
    AUSTRIA,
    SERBIA,
    AUSTRIA_ELECTIONS,
    "/news/?type=press-release",
    "/news/?issued_by=secretariat&country=serbia",
    "/news/?issued_by=odihr&type=news&field_of_work=policing",
    "/news/?date_from=2020-01-01&date_to=2022-12-31",
    "/news/?field_of_work=migration&date_from=2023-01-01&date_to=2025-12-31",
)


def random_change(rng, items, taxonomy):
    """One change an editor could make to a random item, through the model."""
    item = rng.choice(items)
    kind = rng.choice(["field", "country", "type", "date", "status", "issuer"])
    if kind == "field":
        field = taxonomy[rng.choice(["policing", "elections", "migration"])]
        (item.fields_of_work.remove if rng.random() < 0.5 else item.fields_of_work.add)(field)
    elif kind == "country":
        item.countries.set([taxonomy[rng.choice(["serbia", "austria"])]][: rng.randint(0, 1)])
    elif kind == "type":
        item.type = rng.choice([NewsType.NEWS, NewsType.PRESS_RELEASE])
        item.save()
    elif kind == "date":
        item.issued_on = datetime.date(rng.randint(2019, 2025), rng.randint(1, 12), 1)
        item.save()
    elif kind == "status":
        item.status = rng.choice([Status.DRAFT, Status.PUBLISHED])
        item.save()
    else:
        item.issuers.all().delete()
        structure = taxonomy[rng.choice(["secretariat", "odihr"])]
        item.issuers.create(structure=structure, position=0)


def test_a_page_kept_is_the_page_rendered_again(visitor, taxonomy, settings):
    rng = random.Random(15)
    items = [
        NewsItemFactory(
            issued_on=datetime.date(rng.randint(2019, 2025), 6, 1),
            type=rng.choice([NewsType.NEWS, NewsType.PRESS_RELEASE]),
            fields_of_work=[taxonomy[rng.choice(["policing", "elections", "migration"])]],
            countries=[taxonomy[rng.choice(["serbia", "austria"])]],
            issued_by=[taxonomy[rng.choice(["secretariat", "odihr"])]],
        )
        for _ in range(8)
    ]
    kept, rendered = kept_and_rendered(
        visitor, settings, PAGES, 30, lambda: random_change(rng, items, taxonomy)
    )
    # Both happen: the test compares kept pages, and some pages are rendered again.
    assert kept > 50
    assert rendered > 50
