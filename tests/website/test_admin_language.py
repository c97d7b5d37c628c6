"""The admin in the language its user chooses (website.admin_language): forms, the workflow's
questions and the editor's toolbar strings; the public site keeps its URL's language."""

import pytest
from django.conf import settings
from django.test import Client

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


def test_the_choice_follows_the_user_to_another_computer(publisher):
    office, home = Client(), Client()
    office.force_login(publisher)
    office.post(CHOOSE, {"language": "de", "next": "/admin/"})

    home.force_login(publisher)  # another browser: no language cookie
    assert '<html lang="de"' in home.get("/admin/").text
    assert '<html lang="en"' in home.get("/news/").text, "the URL decides the public language"

    home.post(CHOOSE, {"language": "ru", "next": "/admin/"})
    assert '<html lang="ru"' in office.get("/admin/").text


def test_without_a_stored_choice_the_browser_decides(editor):
    browser = Client(HTTP_ACCEPT_LANGUAGE="fr-CH, fr;q=0.9, en;q=0.5")
    browser.force_login(editor)
    assert '<html lang="fr"' in browser.get("/admin/").text
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "it"
    assert '<html lang="it"' in browser.get("/admin/").text
    assert '<html lang="en"' in Client().get("/admin/login/").text
