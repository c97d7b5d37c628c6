"""`manage.py import_news`: checking, name matching, idempotence and what reaches the database."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.publishing import Status
from countries.models import Country, CountryStatus
from news.models import FieldOfWork, NewsItem, NewsType
from news.naming import AmbiguousName, TaxonomyNames, UnknownName, name_key
from structures.models import Structure, StructureKind
from tests.factories import NewsItemFactory, StructureFactory

pytestmark = pytest.mark.django_db

SERBIA_ITEM = {
    "title": "OSCE Mission to Serbia and ODIHR train judges on hate crime cases",
    "issued_on": "2023-05-17",
    "issued_by": ["OSCE Mission to Serbia", "ODIHR"],
    "fields_of_work": ["Tolerance and non-discrimination", "rule-of-law"],
    "countries": ["Serbia"],
    "type": "Press release",
    "teaser": "Thirty judges completed a two-day course.",
    "body": "<p>Thirty judges and prosecutors took part.</p>",
    "source_url": "https://www.example.org/news/serbia-hate-crime",
    "status": "published",
}
SECRETARIAT_ITEM = {
    "title": "Concluding conference of the Intelligence-led Policing project held",
    "issued_on": "2020-11-26",
    "issued_by": ["OSCE Secretariat"],
    "fields_of_work": ["Policing"],
}


def write(tmp_path, records, name="news.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def run(path, *options):
    out = StringIO()
    call_command("import_news", str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def failure(path, *options):
    with pytest.raises(CommandError) as raised:
        run(path, *options)
    return str(raised.value)


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


def test_unknown_names_list_every_problem_and_write_nothing(taxonomy, tmp_path):
    structures_before = Structure.objects.count()
    records = [
        SERBIA_ITEM,
        {**SECRETARIAT_ITEM, "issued_by": ["Mission to Atlantis", "ODIHR"]},
        {**SECRETARIAT_ITEM, "title": "Other", "countries": ["Atlantis", "Russia"],
         "fields_of_work": ["Underwater diplomacy"]},
    ]  # fmt: skip

    message = failure(write(tmp_path, records))

    assert "3 problems; nothing was imported" in message
    assert 'record 2, issued_by: unknown structure "Mission to Atlantis"' in message
    assert 'record 3, countries: unknown country "Atlantis"' in message
    assert 'record 3, fields_of_work: unknown field of work "Underwater diplomacy"' in message
    assert "--create-missing" in message
    assert not NewsItem.objects.exists()
    assert Structure.objects.count() == structures_before


def test_ambiguous_name_is_reported_with_its_candidates(taxonomy, tmp_path):
    StructureFactory(name="Mission to Serbia", slug="another-mission-to-serbia")

    message = failure(write(tmp_path, [SERBIA_ITEM]))

    assert 'record 1, issued_by: structure "OSCE Mission to Serbia" is ambiguous' in message
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"issued_on": "2020-01-01"}, "record 1, title: is required"),
        ({"title": "  ", "issued_on": "2020-01-01"}, "record 1, title: must not be empty"),
        ({"title": 5, "issued_on": "2020-01-01"}, "title: must be a string, not a number"),
        ({"title": "x" * 256, "issued_on": "2020-01-01"}, "record 1, title: is too long"),
        ({"title": "T"}, "record 1, issued_on: is required"),
        ({"title": "T", "issued_on": "2020-13-01"}, "issued_on: \"2020-13-01\" is not a date"),
        ({"title": "T", "issued_on": "26/11/2020"}, "is not a date in ISO format (YYYY-MM-DD)"),
        ({"title": "T", "issued_on": "20201126"}, "is not a date in ISO format"),
        ({"title": "T", "issued_on": None}, "record 1, issued_on: must be a string, not null"),
        ({**SECRETARIAT_ITEM, "issued_by": "OSCE Secretariat"},
         "record 1, issued_by: must be a list of names, not a string"),
        ({**SECRETARIAT_ITEM, "countries": ["Serbia", 3]},
         "record 1, countries: item 2 must be a non-empty name"),
        ({**SECRETARIAT_ITEM, "type": "Blog post"}, 'record 1, type: unknown type "Blog post"'),
        ({**SECRETARIAT_ITEM, "status": "live"}, 'record 1, status: "live" is not a status'),
        ({**SECRETARIAT_ITEM, "source_url": "javascript:alert(1)"},
         "record 1, source_url: \"javascript:alert(1)\" is not a valid http(s) URL"),
        ({**SECRETARIAT_ITEM, "source_url": "not a url"}, "is not a valid http(s) URL"),
        ({**SECRETARIAT_ITEM, "teaser": ["a"]}, "record 1, teaser: must be a string, not a list"),
        ({**SECRETARIAT_ITEM, "teaser": "x" * 1001}, "record 1, teaser: is too long"),
        ({**SECRETARIAT_ITEM, "body": {"html": "<p>x</p>"}},
         "record 1, body: must be a string, not an object"),
        ({**SECRETARIAT_ITEM, "body": "<div>" * 100 + "x"}, "record 1, body: The text is nested"),
        ({**SECRETARIAT_ITEM, "language": "xx"}, 'record 1, language: "xx" is not a language'),
        ("a string", "record 1: must be an object, not a string"),
        ([SECRETARIAT_ITEM], "record 1: must be an object, not a list"),
    ],
)  # fmt: skip
def test_invalid_records_are_refused_with_the_record_and_key(taxonomy, tmp_path, record, expected):
    message = failure(write(tmp_path, [record]))

    assert expected in message
    assert not NewsItem.objects.exists()


def test_every_problem_of_every_record_is_listed_at_once(taxonomy, tmp_path):
    records = [
        SECRETARIAT_ITEM,
        {"title": "", "issued_on": "yesterday", "type": "Blog", "colour": "blue"},
        7,
    ]

    message = failure(write(tmp_path, records))

    assert "5 problems" in message
    for expected in (
        "record 2, colour: unknown key",
        "record 2, title: must not be empty",
        "record 2, issued_on:",
        "record 2, type:",
        "record 3: must be an object, not a number",
    ):
        assert expected in message


def test_a_key_written_twice_in_one_record_is_refused(taxonomy, tmp_path):
    path = tmp_path / "news.json"
    path.write_text('[{"title": "A", "title": "B", "issued_on": "2020-01-01"}]')

    assert "record 1, title: is written more than once" in failure(path)


def test_records_duplicated_in_the_file_are_refused(taxonomy, tmp_path):
    records = [
        SERBIA_ITEM,
        {**SERBIA_ITEM, "title": "Another title"},
        SECRETARIAT_ITEM,
        {**SECRETARIAT_ITEM, "title": SECRETARIAT_ITEM["title"].upper()},
    ]

    message = failure(write(tmp_path, records))

    assert "record 2, source_url: same source_url as record 1" in message
    assert "record 4, title: same title and issued_on as record 3" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[1,", "not valid JSON (Expecting value at line 1"),
        ('{"title": "x"}', "must hold a JSON list of records, not an object"),
        ('"text"', "must hold a JSON list of records, not a string"),
    ],
)
def test_files_that_are_not_a_json_list_are_refused(taxonomy, tmp_path, content, expected):
    path = tmp_path / "news.json"
    path.write_text(content)

    assert expected in failure(path)


def test_missing_and_undecodable_files_are_refused(taxonomy, tmp_path):
    assert "no such file" in failure(tmp_path / "missing.json")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('[{"title": "Café"}]'.encode("latin-1"))
    assert "not UTF-8 text" in failure(latin1)


def test_an_empty_list_imports_nothing(taxonomy, tmp_path):
    assert run(write(tmp_path, [])).endswith("0 created, 0 updated, 0 unchanged, 0 skipped.")


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


def test_dry_run_reports_and_writes_nothing(taxonomy, tmp_path):
    structures_before = Structure.objects.count()
    records = [SERBIA_ITEM, {**SECRETARIAT_ITEM, "issued_by": ["Mission to Atlantis"]}]
    path = write(tmp_path, records)

    summary = run(path, "--dry-run", "--create-missing")

    assert summary == (
        f"Dry run of {path} (nothing written): 2 created, 0 updated, 0 unchanged, 0 skipped. "
        "Would create structures: Mission to Atlantis."
    )
    assert not NewsItem.objects.exists()
    assert Structure.objects.count() == structures_before


def test_dry_run_of_an_imported_file_reports_it_unchanged(taxonomy, tmp_path):
    path = write(tmp_path, [SERBIA_ITEM])
    run(path)
    changed = write(tmp_path, [{**SERBIA_ITEM, "teaser": "New"}], "changed.json")

    assert run(changed, "--dry-run").endswith("0 created, 1 updated, 0 unchanged, 0 skipped.")
    assert NewsItem.objects.get().teaser == SERBIA_ITEM["teaser"]


def test_importing_the_same_file_twice_changes_nothing(taxonomy, tmp_path):
    path = write(tmp_path, [SERBIA_ITEM, SECRETARIAT_ITEM])
    run(path)
    before = list(NewsItem.objects.order_by("pk").values())

    summary = run(path)

    assert summary.endswith("0 created, 0 updated, 2 unchanged, 0 skipped.")
    assert list(NewsItem.objects.order_by("pk").values()) == before


def test_a_changed_value_updates_the_matching_item(taxonomy, tmp_path):
    run(write(tmp_path, [SERBIA_ITEM, SECRETARIAT_ITEM]))
    item = NewsItem.objects.get(source_url=SERBIA_ITEM["source_url"])
    changed = [
        {**SERBIA_ITEM, "title": "Judges trained on hate crime cases", "issued_by": ["ODIHR"],
         "countries": ["Serbia", "Montenegro"], "status": "draft"},
        SECRETARIAT_ITEM,
    ]  # fmt: skip

    summary = run(write(tmp_path, changed, "changed.json"))

    assert summary.endswith("0 created, 1 updated, 1 unchanged, 0 skipped.")
    item.refresh_from_db()
    assert item.title == "Judges trained on hate crime cases"
    assert item.slug == "osce-mission-to-serbia-and-odihr-train-judges-on-hate-crime-cases"
    assert item.status == Status.DRAFT
    assert [s.acronym for s in item.ordered_issuers] == ["ODIHR"]
    assert sorted(c.name for c in item.countries.all()) == ["Montenegro", "Serbia"]


def test_keys_left_out_keep_the_existing_values(taxonomy, tmp_path):
    run(write(tmp_path, [SERBIA_ITEM]))
    minimal = {key: SERBIA_ITEM[key] for key in ("title", "issued_on", "source_url")}

    assert run(write(tmp_path, [minimal], "minimal.json")).endswith("1 unchanged, 0 skipped.")
    item = NewsItem.objects.get()
    assert item.type == NewsType.PRESS_RELEASE
    assert len(item.ordered_issuers) == 2


def test_records_without_source_url_match_on_title_and_date(taxonomy, tmp_path):
    existing = NewsItemFactory(
        title=SECRETARIAT_ITEM["title"], issued_on=datetime.date(2020, 11, 26), teaser="Old"
    )

    summary = run(write(tmp_path, [{**SECRETARIAT_ITEM, "teaser": "New"}]))

    assert summary.endswith("0 created, 1 updated, 0 unchanged, 0 skipped.")
    existing.refresh_from_db()
    assert existing.teaser == "New"
    assert existing.lead_issuer.name == "Secretariat"


def test_a_record_matching_several_existing_items_is_skipped(taxonomy, tmp_path):
    for _ in range(2):
        NewsItemFactory(title=SECRETARIAT_ITEM["title"], issued_on=datetime.date(2020, 11, 26))
    out, err = StringIO(), StringIO()

    call_command("import_news", str(write(tmp_path, [SECRETARIAT_ITEM])), stdout=out, stderr=err)

    assert out.getvalue().strip().endswith("0 created, 0 updated, 0 unchanged, 1 skipped.")
    assert "record 1: title and issued_on match several existing items" in err.getvalue()
    assert NewsItem.objects.count() == 2


def test_slugs_are_unique_with_numbered_suffixes(taxonomy, tmp_path):
    NewsItemFactory(slug="annual-report")
    records = [{"title": "Annual report", "issued_on": f"202{year}-01-01"} for year in range(3)]

    run(write(tmp_path, records))

    assert sorted(NewsItem.objects.values_list("slug", flat=True)) == [
        "annual-report",
        "annual-report-2",
        "annual-report-3",
        "annual-report-4",
    ]


def test_control_characters_are_stripped_from_every_text_value(taxonomy, tmp_path):
    record = {
        "title": "Bell\x07 and\x00 null",
        "issued_on": "2021-01-01",
        "issued_by": ["OSCE\x0b Secretariat"],
        "teaser": "Form\x0cfeed",
        "body": "First\x1b paragraph",
        "source_url": "https://www.example.org/news/\x01control",
    }

    run(write(tmp_path, [record]))

    item = NewsItem.objects.get()
    assert item.title == "Bell and null"
    assert item.teaser == "Formfeed"
    assert item.body == "<p>First paragraph</p>"
    assert item.source_url == "https://www.example.org/news/control"
    assert item.lead_issuer.name == "Secretariat"


def test_bodies_are_sanitised_as_in_the_admin(taxonomy, tmp_path):
    body = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">link</a></p>'
        "<script>alert(1)</script><iframe src='https://evil.example'></iframe>"
        "<h2 style='color:red'>Heading</h2><img src=x onerror=alert(1)>"
    )

    run(write(tmp_path, [{**SECRETARIAT_ITEM, "body": body}]))

    stored = NewsItem.objects.get().body
    assert stored == '<p>Hello <a rel="noopener noreferrer">link</a></p><h2>Heading</h2>'
    for forbidden in ("script", "alert", "iframe", "onclick", "style", "onerror", "<img"):
        assert forbidden not in stored


def test_plain_text_bodies_become_paragraphs(taxonomy, tmp_path):
    body = "First paragraph,\nstill the first.\n\nSecond: 5 < 6 & more.\n\n\n\nThird."

    run(write(tmp_path, [{**SECRETARIAT_ITEM, "body": body}]))

    assert NewsItem.objects.get().body == (
        "<p>First paragraph,<br>still the first.</p>"
        "<p>Second: 5 &lt; 6 &amp; more.</p><p>Third.</p>"
    )


def test_type_names_match_labels_and_values(taxonomy, tmp_path):
    records = [
        {**SECRETARIAT_ITEM, "title": f"Item {n}", "type": written}
        for n, written in enumerate(["press release", "PRESS-STATEMENT", "Spot report", "News"])
    ]

    run(write(tmp_path, records))

    assert list(NewsItem.objects.order_by("title").values_list("type", flat=True)) == [
        NewsType.PRESS_RELEASE,
        NewsType.PRESS_STATEMENT,
        NewsType.SPOT_REPORT,
        NewsType.NEWS,
    ]


def test_the_example_file_in_docs_imports(taxonomy, settings):
    path = settings.BASE_DIR / "docs" / "import_example.json"

    assert run(path).endswith("3 created, 0 updated, 0 unchanged, 0 skipped.")
    assert run(path).endswith("0 created, 0 updated, 3 unchanged, 0 skipped.")


def test_create_missing_refuses_names_too_long_to_store(taxonomy, tmp_path):
    records = [{**SECRETARIAT_ITEM, "countries": ["Atlantis" * 20]}]

    message = failure(write(tmp_path, records), "--create-missing")

    assert "record 1, countries:" in message
    assert "is too long to create (at most 100 characters)" in message
    assert not Country.objects.filter(name__startswith="Atlantis").exists()


def test_two_records_cannot_update_the_same_existing_item(taxonomy, tmp_path):
    NewsItemFactory(title=SECRETARIAT_ITEM["title"], issued_on=datetime.date(2020, 11, 26))
    records = [
        {**SECRETARIAT_ITEM, "source_url": "https://www.example.org/a"},
        {**SECRETARIAT_ITEM, "source_url": "https://www.example.org/b"},
    ]
    err = StringIO()

    call_command("import_news", str(write(tmp_path, records)), stdout=StringIO(), stderr=err)

    assert "record 2: matches the same existing item as record 1" in err.getvalue()
    assert list(NewsItem.objects.values_list("source_url", flat=True)) == [
        "https://www.example.org/a"
    ]
