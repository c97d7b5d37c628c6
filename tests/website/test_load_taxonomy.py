"""`manage.py load_taxonomy`: the organisation's taxonomy as the seed page and the facts file
give it."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils.text import slugify

from countries.models import Chairpersonship, Country, CountryAlias, CountryStatus
from news.models import FieldOfWork, MeetingType
from structures.models import Structure, StructureAlias, StructureKind
from website.taxonomy import files, validation

pytestmark = pytest.mark.django_db


def structure(slug):
    return Structure.objects.select_related("parent", "host_country").get(slug=slug)


def test_counts_match_the_seed_page(taxonomy):
    assert FieldOfWork.objects.count() == 23
    assert MeetingType.objects.count() == 16
    assert Country.objects.filter(status=CountryStatus.PARTICIPATING_STATE).count() == 57
    assert Country.objects.filter(status=CountryStatus.MEDITERRANEAN_PARTNER).count() == 6
    assert Country.objects.filter(status=CountryStatus.ASIAN_PARTNER).count() == 5


def test_fields_of_work_and_meeting_series_keep_the_seed_names_and_order(taxonomy):
    fields = list(FieldOfWork.objects.values_list("name", flat=True))
    assert fields[0] == "Arms control"
    assert fields[5] == "Cyber/ICT Security"
    assert fields[-1] == "Youth"
    assert "Field operations" not in fields
    series = list(MeetingType.objects.values_list("name", flat=True))
    assert series[0] == "Summit meetings"
    assert series[-1] == "Annual OSCE Asian conferences"
    assert "Partnerships" not in series
    assert FieldOfWork.objects.get(name="Cyber/ICT Security").slug == "cyber-ict-security"
    assert all(FieldOfWork.objects.values_list("description", flat=True))


def test_participating_states_are_named_as_the_seed_page_names_them(taxonomy):
    names = set(
        Country.objects.filter(status=CountryStatus.PARTICIPATING_STATE).values_list(
            "name", flat=True
        )
    )
    assert {"The Netherlands", "Türkiye", "Czechia", "Holy See", "Finland"} <= names
    netherlands = Country.objects.get(name="The Netherlands")
    assert (netherlands.slug, netherlands.iso_code) == ("netherlands", "NL")
    assert Country.objects.get(name="Türkiye").slug == "turkiye"
    for country in Country.objects.all():
        assert country.slug == slugify(country.name.removeprefix("The "))
        assert country.description


def test_partners_have_their_status_and_asian_partners_their_year(taxonomy):
    mediterranean = Country.objects.filter(status=CountryStatus.MEDITERRANEAN_PARTNER)
    assert set(mediterranean.values_list("name", flat=True)) == {
        "Algeria",
        "Egypt",
        "Israel",
        "Jordan",
        "Morocco",
        "Tunisia",
    }
    asian = dict(
        Country.objects.filter(status=CountryStatus.ASIAN_PARTNER).values_list(
            "name", "joined_on__year"
        )
    )
    assert asian == {
        "Afghanistan": 2003,
        "Australia": 2009,
        "Japan": 1992,
        "Republic of Korea": 1994,
        "Thailand": 2000,
    }


def test_chairpersonships_include_recent_years(taxonomy):
    chairs = dict(Chairpersonship.objects.values_list("year", "country__name"))
    assert chairs[2024] == "Malta"
    assert chairs[2025] == "Finland"
    assert chairs[2026] == "Switzerland"
    assert Chairpersonship.objects.current(datetime.date(2025, 6, 1)).country.name == "Finland"


def test_secretariat_holds_its_units_in_seed_order(taxonomy):
    secretariat = structure("secretariat")
    assert secretariat.kind == StructureKind.SECRETARIAT
    assert secretariat.parent is None
    units = list(secretariat.children.values_list("name", flat=True))
    assert units == [
        "Secretary General",
        "Office of the Secretary General",
        "Conflict Prevention Centre",
        "Transnational Threats Department",
        "Office of the Special Representative and Co-ordinator for Combating Trafficking in "
        "Human Beings",
        "Office of the Co-ordinator of OSCE Economic and Environmental Activities",
        "Gender Issues Programme",
        "Opportunities for Youth",
        "Department of Human Resources",
        "Department of Management and Finance",
        "Office of Internal Oversight",
        "Documentation Centre in Prague",
    ]


def test_spmu_sits_under_tntd_and_fsc_support_under_cpc(taxonomy):
    spmu = Structure.objects.get(acronym="SPMU")
    assert spmu.parent.acronym == "TNTD"
    assert spmu.parent.parent.slug == "secretariat"
    assert Structure.objects.get(name="FSC Support Section").parent.acronym == "CPC"
    secretariat = structure("secretariat")
    assert spmu.pk in Structure.objects.tree().subtree_ids([secretariat.pk])


def test_decision_making_bodies_are_grouped(taxonomy):
    group = structure("decision-making-bodies")
    assert group.kind == StructureKind.GROUP
    assert set(group.children.values_list("name", flat=True)) == {
        "Ministerial Council",
        "Permanent Council",
        "Forum for Security Co-operation",
    }
    assert Structure.objects.get(name="Forum for Security Co-operation").acronym == "FSC"


def test_institutions_have_acronyms_and_seats(taxonomy):
    institutions = {s.acronym: s for s in Structure.objects.filter(kind=StructureKind.INSTITUTION)}
    assert set(institutions) == {"ODIHR", "HCNM", "RFoM"}
    assert institutions["ODIHR"].name == "Office for Democratic Institutions and Human Rights"
    assert institutions["ODIHR"].location == "Warsaw"
    assert institutions["HCNM"].location == "The Hague"
    assert institutions["RFoM"].location == "Vienna"
    assert {s.parent.slug for s in institutions.values()} == {"institutions"}


def test_twelve_open_field_operations_with_their_host_countries(taxonomy):
    hosts = {
        s.name: (s.host_country.iso_code if s.host_country else None)
        for s in Structure.objects.select_related("host_country").tree().open_field_operations()
    }
    assert hosts == {
        "Presence in Albania": "AL",
        "Centre in Ashgabat": "TM",
        "Programme Office in Astana": "KZ",
        "Programme Office in Bishkek": "KG",
        "Mission to Bosnia and Herzegovina": "BA",
        "Programme Office in Dushanbe": "TJ",
        "Mission in Kosovo": None,
        "Mission to Moldova": "MD",
        "Mission to Montenegro": "ME",
        "Mission to Serbia": "RS",
        "Mission to Skopje": "MK",
        "Project Co-ordinator in Uzbekistan": "UZ",
    }
    assert structure("mission-in-kosovo").location == "Pristina"
    in_order = structure("field-operations").children.values_list("name", flat=True)
    assert list(in_order)[:2] == ["Presence in Albania", "Centre in Ashgabat"]


def test_closed_field_activities_are_closed(taxonomy):
    closed = Structure.objects.filter(kind=StructureKind.CLOSED_FIELD_ACTIVITY)
    names = set(closed.values_list("name", flat=True))
    assert {
        "Mission to Croatia",
        "Mission to Georgia",
        "Office in Yerevan",
        "Project Co-ordinator in Baku",
        "Project Co-ordinator in Ukraine",
        "Special Monitoring Mission to Ukraine",
        "Observer Mission at the Russian Checkpoints Gukovo and Donetsk",
    } <= names
    assert not closed.filter(closed_on__isnull=True).exists()
    assert not closed.filter(host_country__isnull=True).exists()
    assert structure("mission-to-georgia").closed_on == datetime.date(2009, 6, 30)
    assert all(s.is_closed for s in closed)


def test_other_top_level_bodies(taxonomy):
    assembly = structure("parliamentary-assembly")
    assert (assembly.kind, assembly.location) == (
        StructureKind.PARLIAMENTARY_ASSEMBLY,
        "Copenhagen",
    )
    assert structure("court-of-conciliation-and-arbitration").kind == StructureKind.COURT
    assert structure("chairpersonship").kind == StructureKind.CHAIRPERSONSHIP
    assert structure("minsk-group").kind == StructureKind.OTHER


def test_every_structure_has_a_slug_and_a_distinct_position_among_siblings(taxonomy):
    seen = set()
    for parent_id, position in Structure.objects.values_list("parent_id", "position"):
        assert (parent_id, position) not in seen
        seen.add((parent_id, position))
    assert not Structure.objects.filter(slug="").exists()


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Russia", "Russian Federation"),
        ("South Korea", "Republic of Korea"),
        ("Czech Republic", "Czechia"),
        ("turkey", "Türkiye"),
        ("Netherlands", "The Netherlands"),
        ("former Yugoslav Republic of Macedonia", "North Macedonia"),
        ("Moldova, Republic of", "Moldova"),
    ],
)
def test_country_aliases(taxonomy, alias, name):
    assert CountryAlias.objects.get(name__iexact=alias).country.name == name


@pytest.mark.parametrize(
    ("alias", "slug"),
    [
        ("OSCE Chairmanship", "chairpersonship"),
        ("OSCE Chairpersonship", "chairpersonship"),
        ("OSCE Secretariat", "secretariat"),
        ("OSCE Mission to Serbia", "mission-to-serbia"),
        ("Mission to Serbia and Montenegro", "mission-to-serbia"),
        ("Action against Terrorism Unit", "transnational-threats-department"),
        ("Gender Section", "gender-issues-programme"),
        ("Prague Office of the Secretariat", "documentation-centre-in-prague"),
        ("Office in Baku", "project-co-ordinator-in-baku"),
        ("OSCE PA", "parliamentary-assembly"),
        ("Programme Office in Nur-Sultan", "programme-office-in-astana"),
    ],
)
def test_structure_aliases(taxonomy, alias, slug):
    assert StructureAlias.objects.get(name__iexact=alias).structure.slug == slug


def test_data_files_validate_and_every_alias_is_unique():
    data = files.read_data_files()
    validation.validate(data)
    structures = [e for e, _p, _i in files.flatten_structures(data["structures"])]
    aliases = [a.casefold() for e in structures for a in e.get("aliases", [])]
    assert len(aliases) == len(set(aliases))


def test_the_secretariat_gets_its_address_and_an_editors_contacts_are_kept(db):
    call_command("load_taxonomy", stdout=io.StringIO())
    secretariat = Structure.objects.get(slug="secretariat")
    assert secretariat.address == "Wallnerstrasse 6\n1010 Vienna\nAustria"
    Structure.objects.filter(pk=secretariat.pk).update(address="Elsewhere 1")
    call_command("load_taxonomy", stdout=io.StringIO())
    secretariat.refresh_from_db()
    assert secretariat.address == "Elsewhere 1"


def test_contacts_in_the_data_file_must_be_known_fields_of_text():
    data = files.read_data_files()
    data["structures"][0]["contacts"] = {"fax": "1"}
    with pytest.raises(files.TaxonomyDataError) as error:
        validation.validate(data)
    assert any("contacts must map" in problem for problem in error.value.problems)
