"""Countries and Chairpersonships: the database's rules."""

import datetime

import pytest

from countries.models import Chairpersonship, Country, CountryStatus
from tests.database_rules import refused_by_database
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
)

pytestmark = pytest.mark.django_db


def test_one_chairpersonship_per_year_within_a_plausible_range():
    ChairpersonshipFactory(year=2025)
    refused_by_database(lambda: ChairpersonshipFactory(year=2025))
    refused_by_database(lambda: ChairpersonshipFactory(year=1900))


def test_current_chairpersonship_is_this_years():
    chair = ChairpersonshipFactory(year=2026)
    ChairpersonshipFactory(year=2025)
    assert Chairpersonship.objects.current(datetime.date(2026, 3, 1)) == chair
    assert Chairpersonship.objects.current(datetime.date(1999, 3, 1)) is None


@pytest.mark.parametrize("code", ["A1", "1A", "A-", "Ü1"])
def test_country_iso_code_must_be_two_letters(code):
    refused_by_database(lambda: CountryFactory(iso_code=code))


def test_country_iso_code_is_stored_in_capitals_and_may_be_absent():
    assert CountryFactory(iso_code="at").iso_code == "AT"
    assert Country.objects.get(iso_code="AT")
    first = CountryFactory(iso_code="", status=CountryStatus.OTHER)
    second = CountryFactory(iso_code=None, status=CountryStatus.OTHER)
    assert first.iso_code is None and second.iso_code is None
