"""Bodies' names, articles and agreement in the other languages, as osce.org writes them."""

import pytest

from demo import grammar
from demo.languages import FEMININE, MASCULINE, NEUTER, PLURAL


@pytest.mark.parametrize(
    ("language", "name", "located", "the", "form"),
    [
        ("ru", "Миссия в Сербии", False, "Миссия ОБСЕ в Сербии", FEMININE),
        ("ru", "Бюро по демократическим институтам", False, "Бюро ОБСЕ по демократическим "
         "институтам", NEUTER),
        ("ru", "Программный офис в Астане", False, "Программный офис ОБСЕ в Астане",
         MASCULINE),
        ("ru", "Возможности для молодежи", False, "Возможности ОБСЕ для молодежи", PLURAL),
        ("fr", "Centre d'Achgabat", True, "le Centre de l'OSCE à Achgabat", MASCULINE),
        ("fr", "Assemblée parlementaire", False, "l'Assemblée parlementaire de l'OSCE",
         FEMININE),
        ("de", "Hoher Kommissar für nationale Minderheiten", False,
         "der Hohe Kommissar der OSZE für nationale Minderheiten", MASCULINE),
        ("de", "Mission in Serbien", False, "die OSZE-Mission in Serbien", FEMININE),
        ("de", "Beauftragter für Medienfreiheit", False, "der OSZE-Beauftragte für "
         "Medienfreiheit", MASCULINE),
        ("it", "Ufficio di Erevan", True, "l'Ufficio OSCE di Erevan", MASCULINE),
        ("es", "Secretaría", False, "la Secretaría de la OSCE", FEMININE),
    ],
)  # fmt: skip
def test_a_body_is_named_with_the_organisation_and_its_article(language, name, located, the, form):
    local = grammar.local_name(language, name, located=located)

    assert (local.the, local.form) == (the, form)


@pytest.mark.parametrize(
    ("number", "form"), [(21, "судья"), (24, "судьи"), (25, "судей"), (12, "судей"), (111, "судей")]
)
def test_russian_nouns_agree_with_the_number_before_them(number, form):
    assert grammar.russian_count(number, ("судья", "судьи", "судей")) == form
