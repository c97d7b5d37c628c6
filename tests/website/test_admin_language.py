"""The admin in the language its user chooses (website.admin_language): forms, the workflow's
questions and the editor's toolbar strings; the public site keeps its URL's language."""

import pytest

from core.publishing import Status
from tests.factories import NewsItemFactory, StructureFactory

pytestmark = pytest.mark.django_db

CHOOSE = "/admin/language/"


def test_a_publisher_works_in_german_and_the_public_site_stays_english(client, publisher):
    draft = NewsItemFactory(status=Status.DRAFT, issued_by=[StructureFactory()])
    change = f"/admin/news/newsitem/{draft.pk}/change/"
    client.force_login(publisher)
    english = client.get(change)
    assert '<html lang="en"' in english.text
    assert 'name="language"' in english.text and "Deutsch" in english.text

    chosen = client.post(CHOOSE, {"language": "de", "next": change})
    assert chosen.status_code == 302 and chosen["Location"] == change
    german = client.get(change)
    assert '<html lang="de"' in german.text
    assert "Grund für die Veröffentlichung ohne Prüfung" in german.text
    assert "Speichern" in german.text
    catalogue = client.get("/admin/jsi18n/")
    assert "Tabellenbeschriftung" in catalogue.text

    assert '<html lang="en"' in client.get("/news/").text, "the URL decides the public language"

    client.post(CHOOSE, {"language": "ru", "next": change})
    question = client.post(
        "/admin/news/newsitem/",
        {"action": "publish_selected", "index": "0", "_selected_action": [draft.pk]},
    )
    assert "Почему публикуется без проверки?" in question.text


def test_a_bad_choice_or_a_foreign_address_goes_nowhere_else(client, editor):
    client.force_login(editor)
    assert client.post(CHOOSE, {"language": "xx"}).status_code == 400
    assert client.get(CHOOSE).status_code == 405
    away = client.post(CHOOSE, {"language": "fr", "next": "https://evil.example/"})
    assert away["Location"] == "/admin/"
    anonymous = type(client)().post(CHOOSE, {"language": "fr"})
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
