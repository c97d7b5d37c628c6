"""`import_news` on files made to break it: each ends in the usual list of problems, with
nothing written, never in a traceback."""

import json
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from news.models import NewsItem

pytestmark = pytest.mark.django_db

RECORD = '{"title": "Training for judges", "issued_on": "2023-05-17", "issued_by": ["ODIHR"]'


def refusal(tmp_path, content):
    path = tmp_path / "news.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_news", str(path), stdout=StringIO(), stderr=StringIO())
    assert not NewsItem.objects.exists()
    return str(raised.value)


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ('[{"title": ', "}]")])
def test_nesting_100000_deep_is_refused(taxonomy, tmp_path, opening, closing):
    depth = 100_000
    message = refusal(tmp_path, opening * depth + "1" + closing * depth)

    assert message.endswith("not valid news records (lists and objects nested too deeply)")


def test_a_number_longer_than_python_converts_is_just_a_number(taxonomy, tmp_path):
    digits = "9" * (sys.get_int_max_str_digits() + 700)
    message = refusal(tmp_path, f'[{RECORD}, "teaser": {digits}}}]')

    assert "record 1, teaser: must be a string, not a number" in message


def test_a_top_level_that_is_not_a_list_is_refused_even_a_5000_digit_number(taxonomy, tmp_path):
    message = refusal(tmp_path, "9" * 5000)

    assert message.endswith("must hold a JSON list of records, not a number")


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (f'{RECORD}, "teaser": "Judges\\ud800"}}', "record 1, teaser: holds \\ud800, half of"),
        (
            f'{RECORD}, "translations": {{"fr": {{"title": "Juges\\udfff"}}}}}}',
            "record 1, translations.fr.title: holds \\udfff, half of a surrogate pair",
        ),
        (f'{RECORD}, "te\\udc80aser": ""}}', "record 1, te\\udc80aser: the key holds \\udc80"),
    ],
)
def test_a_lone_surrogate_is_refused_not_stored(taxonomy, tmp_path, record, expected):
    assert expected in refusal(tmp_path, f"[{record}]")


def test_a_language_written_twice_in_translations_is_refused(taxonomy, tmp_path):
    translations = '{"fr": {"title": "Formation"}, "fr": {"title": "Juges"}}'
    message = refusal(tmp_path, f'[{RECORD}, "translations": {translations}}}]')

    assert "record 1, translations.fr: is written more than once" in message


def test_a_key_written_twice_anywhere_is_refused(taxonomy, tmp_path):
    translations = '{"fr": {"title": "Formation", "title": "Juges"}}'
    records = f'[{RECORD}}}, {RECORD}, "translations": {translations}}}]'
    message = refusal(tmp_path, records)

    assert "record 2, translations.fr.title: is written more than once" in message


def test_bytes_that_are_not_utf8_are_located_by_line(taxonomy, tmp_path):
    content = json.dumps([{"title": "Training"}, {"title": "Café"}], indent=1, ensure_ascii=False)

    message = refusal(tmp_path, content.encode("latin-1"))

    assert message.endswith("not UTF-8 text (invalid continuation byte on line 6)")
