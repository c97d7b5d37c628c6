"""`manage.py import_news`: what an import creates, how names match the taxonomy, and
--create-missing."""

import datetime

import pytest

from core.publishing import Status
from countries.models import Country, CountryStatus
from news.models import FieldOfWork, NewsItem, NewsType
from news.naming import AmbiguousName, TaxonomyNames, UnknownName, name_key
from structures.models import Structure, StructureKind
from tests.factories import StructureFactory
from tests.news.import_files import SECRETARIAT_ITEM, SERBIA_ITEM, failure, run, write

pytestmark = pytest.mark.django_db


def test_imports_a_record_with_its_issuers_in_order_and_the_first_as_lead(taxonomy, tmp_path):
    path = write(tmp_path, [SERBIA_ITEM])

    summary = run(path)

    assert summary == f"Imported {path}: 1 created, 0 updated, 0 unchanged, 0 skipped."
    item = NewsItem.objects.get()
    assert item.title == SERBIA_ITEM["title"]
    assert item.slug == "osce-mission-to-serbia-and-odihr-train-judges-on-hate-crime-cases"
    assert item.issued_on == datetime.date(2023, 5, 17)
    assert item.type == NewsType.PRESS_RELEASE
    assert item.status == Status.PUBLISHED
    assert item.teaser == "Thirty judges completed a two-day course."
    assert item.body == "<p>Thirty judges and prosecutors took part.</p>"
    assert item.source_url == SERBIA_ITEM["source_url"]
    assert [s.name for s in item.ordered_issuers] == [
        "Mission to Serbia",
        "Office for Democratic Institutions and Human Rights",
    ]
    assert item.lead_issuer.name == "Mission to Serbia"
    assert sorted(f.name for f in item.fields_of_work.all()) == [
        "Rule of law",
        "Tolerance and non-discrimination",
    ]
    assert [c.name for c in item.countries.all()] == ["Serbia"]
    assert NewsItem.objects.published().filter(pk=item.pk).exists()


def test_issuer_order_follows_the_file(taxonomy, tmp_path):
    run(write(tmp_path, [{**SERBIA_ITEM, "issued_by": ["ODIHR", "Mission to Serbia"]}]))

    item = NewsItem.objects.get()
    assert item.lead_issuer.acronym == "ODIHR"
    assert [s.name for s in item.ordered_issuers][1] == "Mission to Serbia"


@pytest.mark.parametrize(
    "written",
    ["OSCE Mission to Serbia", "Mission to Serbia", "mission-to-serbia", "MISSION TO SERBIA",
     "  OSCE   Mission  to Serbia ", "Mission to Serbia and Montenegro"],
)  # fmt: skip
def test_structure_names_match_names_slugs_and_aliases(taxonomy, tmp_path, written):
    run(write(tmp_path, [{**SECRETARIAT_ITEM, "issued_by": [written]}]))

    assert NewsItem.objects.get().lead_issuer.name == "Mission to Serbia"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Office in Yerevan (closed)", "Office in Yerevan"),
        ("OSCE Observer Mission at the Russian Checkpoints Gukovo and Donetsk (discontinued)",
         "Observer Mission at the Russian Checkpoints Gukovo and Donetsk"),
        ("OSCE Chairmanship", "Chairpersonship"),
        ("SPMU", "Strategic Police Matters Unit"),
        ("odihr", "Office for Democratic Institutions and Human Rights"),
    ],
)  # fmt: skip
def test_structure_suffixes_former_names_and_acronyms_match(taxonomy, tmp_path, written, expected):
    run(write(tmp_path, [{**SECRETARIAT_ITEM, "issued_by": [written]}]))

    assert NewsItem.objects.get().lead_issuer.name == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Russia", "Russian Federation"),
        ("Czech Republic", "Czechia"),
        ("South Korea", "Republic of Korea"),
        ("Turkiye", "Türkiye"),
        ("the netherlands", "The Netherlands"),
        ("north-macedonia", "North Macedonia"),
    ],
)
def test_country_names_match_aliases_slugs_and_accent_variants(
    taxonomy, tmp_path, written, expected
):
    run(write(tmp_path, [{**SECRETARIAT_ITEM, "countries": [written]}]))

    assert [c.name for c in NewsItem.objects.get().countries.all()] == [expected]


def test_name_key_ignores_case_accents_separators_prefix_and_status_suffix():
    assert name_key("OSCE Mission to Serbia") == name_key("mission-to-serbia")
    assert name_key("Office in Yerevan (Closed)") == name_key("office in yerevan")
    assert name_key("Project Co-ordinator in Ukraine") == name_key("Project Coordinator in Ukraine")
    assert name_key("Türkiye") == name_key("TURKIYE")
    assert name_key("OSCE") == "osce"


def test_a_name_two_records_share_is_ambiguous_not_guessed(taxonomy):
    StructureFactory(name="Mission to Serbia", slug="another-mission-to-serbia")
    names = TaxonomyNames.load()

    with pytest.raises(AmbiguousName):
        names.structures.resolve("OSCE Mission to Serbia")
    with pytest.raises(UnknownName) as unknown:
        names.countries.resolve("Rusia")
    assert 'did you mean "Russian Federation"' in str(unknown.value)


def test_taxonomy_names_load_in_a_constant_number_of_queries(taxonomy, django_assert_num_queries):
    with django_assert_num_queries(5):
        TaxonomyNames.load()


def test_create_missing_creates_unknown_taxonomy_records_and_lists_them(taxonomy, tmp_path):
    records = [
        {**SECRETARIAT_ITEM, "issued_by": ["OSCE Mission to Atlantis (closed)", "ODIHR"],
         "countries": ["Atlantis", "Russia"], "fields_of_work": ["Underwater diplomacy"]},
        {**SECRETARIAT_ITEM, "title": "Second", "issued_by": ["Mission to Atlantis"],
         "countries": ["atlantis"]},
    ]  # fmt: skip
    path = write(tmp_path, records)

    summary = run(path, "--create-missing")

    assert summary == (
        f"Imported {path}: 2 created, 0 updated, 0 unchanged, 0 skipped. Created fields of "
        "work: Underwater diplomacy; countries: Atlantis; structures: Mission to Atlantis."
    )
    structure = Structure.objects.get(name="Mission to Atlantis")
    assert (structure.kind, structure.parent, structure.slug) == (
        StructureKind.OTHER,
        None,
        "mission-to-atlantis",
    )
    country = Country.objects.get(name="Atlantis")
    assert (country.status, country.iso_code, country.slug) == (
        CountryStatus.OTHER,
        None,
        "atlantis",
    )
    assert FieldOfWork.objects.get(name="Underwater diplomacy").slug == "underwater-diplomacy"
    joint, alone = NewsItem.objects.order_by("title")
    assert [s.name for s in joint.ordered_issuers] == [
        "Mission to Atlantis",
        "Office for Democratic Institutions and Human Rights",
    ]
    assert alone.lead_issuer == structure
    assert run(path, "--create-missing").endswith("0 created, 0 updated, 2 unchanged, 0 skipped.")
    assert Structure.objects.filter(name="Mission to Atlantis").count() == 1


def test_create_missing_still_refuses_invalid_records(taxonomy, tmp_path):
    records = [{**SECRETARIAT_ITEM, "issued_by": ["Mission to Atlantis"], "status": "live"}]

    message = failure(write(tmp_path, records), "--create-missing")

    assert "record 1, status:" in message
    assert not Structure.objects.filter(name="Mission to Atlantis").exists()
