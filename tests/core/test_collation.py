"""core.collation: the Unicode Collation Algorithm, with Spanish's ñ, per language."""

import pytest
from django.utils import translation

from core.collation import collated, sort_key


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Tunisia", "Türkiye", "Turkmenistan", "Ukraine"]),
        ("de", ["Ägypten", "Norwegen", "Österreich", "Polen", "Zypern"]),
        ("fr", ["Espagne", "Estonie", "États-Unis d'Amérique", "Éthiopie", "Fédération de Russie"]),
        ("it", ["Città del Vaticano", "Cuba", "Èrcole", "Estonia"]),
        ("ru", ["Австрия", "Ёлка", "Ель", "Жук", "Кыргызстан", "Российская Федерация", "Япония"]),
        ("es", ["Nicaragua", "Niue", "Nueva Zelanda", "Ñandú", "Omán"]),
    ],
)
def test_names_sort_as_the_language_alphabetises_them(language, expected):
    assert collated(reversed(expected), language=language) == expected


def test_code_point_order_would_be_wrong():
    """The reason this module exists: Python's own order puts capitals with accents last."""
    assert sorted(["Zypern", "Österreich"]) == ["Zypern", "Österreich"]
    assert collated(["Zypern", "Österreich"], language="de") == ["Österreich", "Zypern"]


def test_n_with_tilde_is_a_letter_of_its_own_only_in_spanish():
    assert sort_key("año", "es") > sort_key("anzuelo", "es")
    assert sort_key("año", "en") < sort_key("anzuelo", "en")


def test_decomposed_accents_sort_like_composed_ones():
    assert sort_key("E\u0301tats", "fr") == sort_key("États", "fr")


def test_the_active_language_is_the_default():
    with translation.override("es"):
        assert collated(["ñu", "nz"]) == ["nz", "ñu"]
    with translation.override("en"):
        assert collated(["ñu", "nz"]) == ["ñu", "nz"]


def test_items_sort_by_the_name_given():
    rows = [(1, "Zypern"), (2, "Österreich")]
    assert collated(rows, name=lambda row: row[1], language="de") == [
        (2, "Österreich"),
        (1, "Zypern"),
    ]
