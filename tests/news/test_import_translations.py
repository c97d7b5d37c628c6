"""`import_news` with a record's language and its translations."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from news.models import NewsItem

pytestmark = pytest.mark.django_db

RECORD = {
    "title": "OSCE Mission to Serbia trains judges on hate crime cases",
    "issued_on": "2023-05-17",
    "issued_by": ["OSCE Mission to Serbia"],
    "teaser": "Thirty judges completed a two-day course.",
    "body": "<p>Thirty judges took part.</p>",
    "source_url": "https://www.example.org/news/serbia-judges",
    "translations": {
        "ru": {
            "title": "Миссия ОБСЕ в Сербии обучает судей",
            "teaser": "Тридцать судей прошли двухдневный курс.",
            "body": "<p>В курсе участвовали тридцать судей.</p>",
        },
        "fr": {"title": "La Mission de l'OSCE en Serbie forme des juges"},
    },
}


def run(tmp_path, records):
    path = tmp_path / "news.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    out = StringIO()
    call_command("import_news", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_translations_fill_their_languages_and_publish_the_item_in_them(taxonomy, tmp_path):
    run(tmp_path, [RECORD])
    item = NewsItem.objects.get()
    assert item.title_en == RECORD["title"]
    assert item.title_ru == "Миссия ОБСЕ в Сербии обучает судей"
    assert item.body_ru == "<p>В курсе участвовали тридцать судей.</p>"
    assert item.title_fr == "La Mission de l'OSCE en Serbie forme des juges"
    assert not item.teaser_fr
    assert (item.in_language_en, item.in_language_ru, item.in_language_fr) == (True, True, True)
    assert not item.in_language_de
    assert "тридцать судей" in item.body_text_ru


def test_a_record_in_russian_only(taxonomy, tmp_path):
    record = {
        "language": "ru",
        "title": "Семинар для журналистов в Бишкеке",
        "issued_on": "2024-02-01",
        "issued_by": ["Secretariat"],
        "body": "Журналисты обсудили безопасность.",
    }
    run(tmp_path, [record])
    item = NewsItem.objects.get()
    assert item.title_ru == "Семинар для журналистов в Бишкеке"
    assert not item.title_en
    assert (item.in_language_en, item.in_language_ru) == (False, True)
    # Importing again matches the item by its Russian title and date: nothing changes.
    assert "0 created, 0 updated, 1 unchanged" in run(tmp_path, [record])


def test_reimport_adds_a_translation_to_the_existing_item(taxonomy, tmp_path):
    english = {key: value for key, value in RECORD.items() if key != "translations"}
    run(tmp_path, [english])
    assert not NewsItem.objects.get().in_language_ru
    summary = run(tmp_path, [RECORD])
    assert "1 updated" in summary
    item = NewsItem.objects.get()
    assert item.in_language_ru and item.title_ru


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"language": "xx"}, 'language: "xx" is not a language of the site'),
        ({"translations": {"xx": {"title": "T"}}}, '"xx" is not a language of the site'),
        ({"translations": {"ru": {"teaser": "T"}}}, "ru.title: is required"),
        ({"translations": {"ru": {"title": "T", "summary": "S"}}}, "ru.summary: unknown key"),
        ({"translations": {"ru": {"title": ""}}}, "ru.title: must not be empty"),
        ({"translations": ["ru"]}, "must be an object keyed by language"),
        ({"language": "ru", "translations": {"ru": {"title": "T"}}}, "repeats the record's"),
    ],
)
def test_bad_languages_are_clear_errors_and_nothing_is_written(
    taxonomy, tmp_path, changes, message
):
    with pytest.raises(CommandError) as raised:
        run(tmp_path, [{**RECORD, **changes}])
    assert message in str(raised.value)
    assert not NewsItem.objects.exists()
