"""`manage.py import_news` refuses bad files and records, every problem listed, and writes
nothing."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from countries.models import Country
from news.models import NewsItem
from structures.models import Structure
from tests.factories import NewsItemFactory, StructureFactory
from tests.news.import_files import SECRETARIAT_ITEM, SERBIA_ITEM, failure, run, write

pytestmark = pytest.mark.django_db


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
