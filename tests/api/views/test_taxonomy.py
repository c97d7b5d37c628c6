"""The taxonomy endpoints and the API root."""

import datetime

import pytest
from django.utils import translation

from countries.models import CountryStatus
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def test_root_lists_every_endpoint_as_an_absolute_url(client):
    data = client.get("/api/v1/").json()
    assert data["news"] == "https://www.example.org/api/v1/news/"
    assert data["structures"] == "https://www.example.org/api/v1/structures/"
    assert data["docs"] == "https://www.example.org/api/v1/docs/"
    for url in data.values():
        path = url.removeprefix("https://www.example.org")
        assert client.get(path).status_code == 200, path


def test_structures_are_a_tree_with_aliases_and_closed_dates(client, db):
    secretariat = StructureFactory(slug="secretariat", name="Secretariat", position=0)
    StructureFactory(slug="cpc", name="Conflict Prevention Centre", parent=secretariat)
    mission = StructureFactory(
        slug="mission-to-croatia",
        name="Mission to Croatia",
        position=1,
        established_on=datetime.date(1996, 4, 18),
        closed_on=datetime.date(2007, 12, 31),
    )
    mission.aliases.create(name="OSCE Mission to Croatia")
    data = client.get("/api/v1/structures/").json()
    assert [node["slug"] for node in data] == ["secretariat", "mission-to-croatia"]
    assert [child["slug"] for child in data[0]["children"]] == ["cpc"]
    assert data[0]["children"][0]["children"] == []
    closed = data[1]
    assert closed["closed"] is True
    assert closed["closed_on"] == "2007-12-31"
    assert closed["established_on"] == "1996-04-18"
    assert closed["aliases"] == ["OSCE Mission to Croatia"]
    assert closed["news"] == "https://www.example.org/api/v1/news/?issued_by=mission-to-croatia"


def test_countries_carry_their_status_aliases_and_chairpersonships(client, db):
    finland = CountryFactory(slug="finland", name="Finland", iso_code="FI")
    finland.aliases.create(name="Suomi")
    ChairpersonshipFactory(year=2025, country=finland)
    CountryFactory(slug="japan", name="Japan", iso_code="JP", status=CountryStatus.ASIAN_PARTNER)
    data = {country["slug"]: country for country in client.get("/api/v1/countries/").json()}
    assert data["finland"]["status"] == "participating"
    assert data["finland"]["status_label"] == "Participating State"
    assert data["finland"]["aliases"] == ["Suomi"]
    assert data["finland"]["chairpersonships"] == [2025]
    assert data["japan"]["status"] == "asian-partner"


def test_country_names_and_order_follow_the_language(client, db):
    with translation.override("en"):
        CountryFactory(slug="austria", name="Austria", name_de="Österreich", iso_code="AT")
        CountryFactory(slug="poland", name="Poland", name_de="Polen", iso_code="PL")
        CountryFactory(slug="norway", name="Norway", name_de="Norwegen", iso_code="NO")
    names = [country["name"] for country in client.get("/de/api/v1/countries/").json()]
    assert names == ["Norwegen", "Österreich", "Polen"]


def test_fields_of_work_and_meeting_series_with_their_links(client, db):
    FieldOfWorkFactory(slug="policing", name="Policing")
    council = MeetingTypeFactory(slug="council", name="Ministerial Council")
    MeetingFactory(meeting_type=council)
    fields = client.get("/api/v1/fields-of-work/").json()
    assert fields[0]["slug"] == "policing"
    assert fields[0]["news"] == "https://www.example.org/api/v1/news/?field_of_work=policing"
    assert fields[0]["url"] == "https://www.example.org/fields-of-work/policing/"
    series = client.get("/api/v1/meeting-series/").json()
    assert series[0]["meeting_count"] == 1
    assert series[0]["meetings"] == "https://www.example.org/api/v1/meetings/?type=council"
