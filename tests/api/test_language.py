"""The language of an API response: the URL's prefix, or `?lang=`, which wins over it."""

import pytest
from django.utils import translation

from tests.factories import FieldOfWorkFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(db):
    with translation.override("en"):
        field = FieldOfWorkFactory(slug="policing", name="Policing", name_ru="Полицейская")
        NewsItemFactory(
            slug="both",
            title="Police reform",
            title_ru="Реформа полиции",
            in_language_ru=True,
            fields_of_work=[field],
        )
        NewsItemFactory(slug="english-only", title="English only", fields_of_work=[field])


@pytest.mark.parametrize("path", ["/ru/api/v1/news/", "/api/v1/news/?lang=ru"])
def test_a_list_in_russian_holds_the_items_published_in_it(client, bilingual, path):
    response = client.get(path)
    assert response["Content-Language"] == "ru"
    data = response.json()
    assert [item["slug"] for item in data["results"]] == ["both"]
    item = data["results"][0]
    assert item["title"] == "Реформа полиции"
    assert item["language"] == "ru"
    assert item["url"] == "https://www.example.org/ru/news/both/"
    assert item["fields_of_work"][0]["name"] == "Полицейская"
    options = {option["value"]: option for option in data["facets"][0]["options"]}
    assert options["policing"]["label"] == "Полицейская"
    assert options["policing"]["count"] == 1


def test_lang_wins_over_the_prefix_and_is_kept_in_links(client, bilingual):
    response = client.get("/ru/api/v1/news/?lang=en&page=1")
    assert response["Content-Language"] == "en"
    data = response.json()
    assert {item["slug"] for item in data["results"]} == {"both", "english-only"}
    assert data["results"][0]["title"] in {"Police reform", "English only"}
    assert data["ignored"] == {}


def test_notices_are_in_the_requested_language(client, bilingual):
    data = client.get("/api/v1/news/?lang=de&country=atlantis").json()
    assert data["notices"] == ["Ein unbekanntes Land wurde ignoriert: „atlantis“."]


def test_an_item_missing_the_language_is_shown_whole_in_one_it_has(client, bilingual):
    data = client.get("/ru/api/v1/news/english-only/").json()
    assert data["language"] == "en"
    assert data["languages"] == ["en"]
    assert data["title"] == "English only"
    assert data["teaser"] == "A short teaser."


def test_an_unknown_lang_is_ignored_and_reported(client, bilingual):
    response = client.get("/api/v1/news/?lang=klingon")
    assert response["Content-Language"] == "en"
    assert response.json()["ignored"] == {"lang": ["klingon"]}
