"""Country names as the organisation writes them, in the alphabet of each page's language."""

import html as html_module
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from countries.models import Country

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "de", "it", "ru", "es"]


def participating_names(html):
    """The names in the participating States' section of /countries/, in page order."""
    section = html[html.index('id="participating-states"') :]
    section = section[: section.index("</ul>")]
    return [html_module.unescape(n) for n in re.findall(r'<a href="[^"]+">([^<]+)</a>', section)]


def menu_names(html):
    """The participating States as the main menu lists them."""
    start = html.index("#participating-states")
    section = html[start : html.index("</ul>", start)]
    return [
        html_module.unescape(n)
        for n in re.findall(r'<a href="[^"]*/countries/[^"#]+/">([^<]+)</a>', section)
    ]


def in_language(client, language, url):
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(prefix + url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [
        ("en", "Türkiye", "Turkmenistan"),
        ("de", "Österreich", "Polen"),
        ("de", "Norwegen", "Österreich"),
        ("fr", "Estonie", "États-Unis d'Amérique"),
        ("fr", "États-Unis d'Amérique", "Finlande"),
        ("ru", "Кыргызстан", "Латвия"),
        ("es", "España", "Estados Unidos de América"),
        ("it", "Cipro", "Croazia"),
    ],
)
def test_country_list_and_menu_follow_the_language_alphabet(
    client, taxonomy, language, before, after
):
    cache.clear()
    for names in (
        participating_names(in_language(client, language, reverse("countries:list"))),
        menu_names(in_language(client, language, "/")),
    ):
        assert names.index(before) < names.index(after), names


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_list_is_in_collation_order_not_code_point_order(client, taxonomy, language):
    from core.collation import sort_key

    names = participating_names(in_language(client, language, reverse("countries:list")))
    assert len(names) == 57
    assert names == sorted(names, key=lambda name: sort_key(name, language))


@pytest.mark.parametrize(
    ("key", "names"),
    [
        (
            "KG",
            {"en": "Kyrgyzstan", "fr": "Kirghizistan", "ru": "Кыргызстан", "de": "Kirgisistan"},
        ),
        (
            "RU",
            {
                "en": "Russian Federation",
                "fr": "Fédération de Russie",
                "de": "Russische Föderation",
                "it": "Federazione Russa",
                "ru": "Российская Федерация",
                "es": "Federación de Rusia",
            },
        ),
        (
            "US",
            {
                "en": "United States of America",
                "fr": "États-Unis d'Amérique",
                "de": "Vereinigte Staaten von Amerika",
                "ru": "Соединенные Штаты Америки",
            },
        ),
        ("KR", {"en": "Republic of Korea", "fr": "République de Corée", "ru": "Республика Корея"}),
        ("GB", {"en": "United Kingdom", "ru": "Соединенное Королевство"}),
    ],
)
def test_official_short_names_in_every_language(taxonomy, key, names):
    """One policy: the official short names the organisation uses (osce.org), in every
    language; not the CLDR's everyday names ("Киргизия", "Россия", "Великобритания")."""
    country = Country.objects.get(iso_code=key)
    for language, name in names.items():
        with translation.override(language):
            assert country.name == name


def test_no_everyday_names_where_the_organisation_uses_official_ones(taxonomy):
    everyday = {
        "Киргизия",
        "Россия",
        "Великобритания",
        "Russie",
        "Russland",
        "Rusia",
        "Kirghizstan",
    }
    for language in LANGUAGES:
        with translation.override(language):
            assert not everyday & {country.name for country in Country.objects.all()}
