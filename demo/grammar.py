"""Writing dates, places and bodies' names the way each language needs them.

Translated sentences never inflect a proper name: they are built so that only prepositions,
articles and a body's grammatical gender and number change, which these functions supply.
"""

from dataclasses import dataclass

from demo.data.places import CITY_NAMES
from demo.languages import FEMININE, MASCULINE, NEUTER, PLURAL

# --- Dates ---------------------------------------------------------------------------------

MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
    "novembre dicembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}
MONTHS = {language: names.split() for language, names in MONTHS.items()}


def date_text(language, date, month=True, year=True):
    """A date as the language writes it; a range leaves out what its end already says."""
    day = str(date.day)
    if date.day == 1 and language in ("fr", "it"):
        day = "1er" if language == "fr" else "1º"
    if language == "de":
        day += "."
    joiner = " de " if language == "es" else " "
    text = day
    if month:
        text += joiner + MONTHS[language][date.month - 1]
    if year:
        text += joiner + str(date.year) + (" года" if language == "ru" else "")
    return text


def _italian_elided(preposition, day):
    """Italian elides before the numbers that start with a vowel: "dal 5", "dall'8"."""
    return f"{preposition}ll'" if day in (8, 11) else f"{preposition}l "


def on_date(language, date):
    text = date_text(language, date)
    if language == "it":
        return ("l'" if date.day in (8, 11) else "il ") + text
    prefix = {"fr": "le ", "de": "am ", "es": "el "}.get(language, "")
    return prefix + text


def date_span(language, start, end):
    if start == end:
        return on_date(language, start)
    same_year = start.year == end.year
    first = date_text(
        language, start, month=not (same_year and start.month == end.month), year=not same_year
    )
    last = date_text(language, end)
    if language == "it":
        return f"{_italian_elided('da', start.day)}{first} {_italian_elided('a', end.day)}{last}"
    before, between = {
        "fr": ("du", "au"), "de": ("vom", "bis"), "es": ("del", "al"), "ru": ("с", "по"),
    }[language]  # fmt: skip
    return f"{before} {first} {between} {last}"


def capitalised(text):
    return text[:1].upper() + text[1:]


# --- Places --------------------------------------------------------------------------------


def city_name(language, city):
    return CITY_NAMES.get(city, {}).get(language, city)


def in_city(language, name):
    if language == "fr":
        return f"à {name}"
    if language == "it":
        if name.startswith("L'"):
            return f"all'{name[2:]}"
        return f"{'ad' if name[:1] in 'Aa' else 'a'} {name}"
    return f"{'in' if language == 'de' else 'en'} {name}"


# How "in <country>" reads where the plain preposition is wrong (ISO codes).
COUNTRY_PREPOSITIONS = {
    "fr": {"CY": "à", "MT": "à", "MC": "à", "SM": "à", "NL": "aux", "US": "aux"},
    "de": dict.fromkeys(("CH", "TR", "SK", "MN", "UA", "MD", "VA"), "in der"),
    "it": {"CY": "a", "MT": "a", "MC": "a", "SM": "a"},
    "es": {},
}
COUNTRY_PHRASES = {
    "de": {
        "GB": "im Vereinigten Königreich", "US": "in den Vereinigten Staaten",
        "NL": "in den Niederlanden",
    },
    "it": {"GB": "nel Regno Unito", "US": "negli Stati Uniti", "NL": "nei Paesi Bassi"},
    "es": {"GB": "en el Reino Unido", "NL": "en los Países Bajos"},
}  # fmt: skip
VOWELS = "aeiouyàâäéèêëîïôöùûüáíóú"


def in_country(language, country, name):
    code = country.iso_code
    if code in COUNTRY_PHRASES.get(language, {}):
        return COUNTRY_PHRASES[language][code]
    preposition = COUNTRY_PREPOSITIONS[language].get(code)
    if preposition is None and language == "fr":
        # "en Serbie", "en Ouzbékistan", but "au Kazakhstan": feminine or vowel-initial.
        first = name.split()[0]
        preposition = "en" if first[:1].lower() in VOWELS or first.endswith("e") else "au"
    return f"{preposition or {'de': 'in', 'it': 'in', 'es': 'en'}[language]} {name}"


def french_de(text):
    return f"d'{text}" if text[:1].lower() in VOWELS.replace("y", "") else f"de {text}"


# --- The issuing bodies' names in other languages ------------------------------------------
#
# A structure's translated name comes from the taxonomy (`name_ru`, ...; the English name when
# it has none). Texts name the organisation with it, as osce.org does: "Миссия ОБСЕ в Сербии",
# "Mission de l'OSCE en Serbie", "OSZE-Mission in Serbien", "Hoher Kommissar der OSZE für
# nationale Minderheiten". The grammatical gender, which articles and Russian verbs agree
# with, is read from the name's head noun.

ACRONYM = {"fr": "OSCE", "de": "OSZE", "it": "OSCE", "ru": "ОБСЕ", "es": "OSCE"}
# The acronym goes before the first of these words; a name without one ends with it.
ACRONYM_BEFORE = {
    "fr": {"en", "à", "au", "aux", "pour", "sur", "auprès", "dans"},
    "it": {"in", "a", "ad", "per", "su", "presso", "nel", "nella"},
    "ru": {"в", "во", "на", "по", "при", "для", "у", "с", "со", "о", "об"},
    "es": {"en", "para", "sobre", "ante", "a"},
}
ACRONYM_INSIDE = {"fr": "de l'OSCE", "it": "OSCE", "ru": "ОБСЕ", "es": "de la OSCE"}
ACRONYM_AT_END = {"fr": "de l'OSCE", "it": "dell'OSCE", "ru": "ОБСЕ", "es": "de la OSCE"}
RUSSIAN_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые")
FRENCH_FEMININE = {"cour", "équipe", "cellule", "section", "unité", "assemblée", "présence"}
FRENCH_MASCULINE = {"comité", "musée", "lycée"}
FRENCH_FEMININE_ENDINGS = ("ion", "ence", "ance", "té", "ée", "ure", "ie", "ette", "elle", "ade")
ITALIAN_MASCULINE = {"programma", "sistema", "tema", "forum"}
ITALIAN_FEMININE = {"corte", "sede", "unione"}
SPANISH_MASCULINE = {"programa", "sistema", "tema", "día", "foro"}
GERMAN_ADJECTIVE_ENDINGS = ("er", "es", "ische", "iche", "ige", "ale", "ene", "ete", "ere")
GERMAN_ADJECTIVAL_NOUNS = ("agter", "ender", "neter")  # der Beauftragte, der Vorsitzende
GERMAN_FEMININE_ENDINGS = (
    "ung", "heit", "keit", "schaft", "ion", "tät", "enz", "anz", "ei", "in", "e",
)  # fmt: skip
GERMAN_NEUTER_ENDINGS = ("büro", "um", "at", "ment", "amm", "o")
GERMAN_ARTICLES = ("der", "die", "das", "die")


@dataclass(frozen=True)
class LocalName:
    """A body's name in one language: as a headline or list names it, as the subject of a
    sentence (with its article), and the form (gender, number) its verbs agree with."""

    bare: str
    the: str
    form: int

    @property
    def The(self):  # noqa: N802 - the placeholder's spelling
        return capitalised(self.the)


def _with_acronym(language, name, located=False):
    """`name` with the organisation's acronym where the language puts it. A body `located`
    in a city ("Centre in Ashgabat") may be named after it ("Centre d'Achgabat", "Centro di
    Ashgabat"); the acronym then goes before the city: "Centre de l'OSCE à Achgabat"."""
    if ACRONYM[language] in name:
        return name
    words = name.split()
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in ACRONYM_BEFORE[language]:
            return " ".join([*words[:index], ACRONYM_INSIDE[language], *words[index:]])
        city = words[index + 1] if index + 1 < len(words) else ""
        if language == "it" and word == "di" and city[:1].isupper():
            return " ".join([*words[:index], "OSCE", *words[index:]])
        if language == "fr" and located:
            if word == "de" and city[:1].isupper():
                return " ".join([*words[:index], "de l'OSCE à", *words[index + 1 :]])
            if word.startswith("d'") and word[2:3].isupper():
                return " ".join([*words[:index], "de l'OSCE à", word[2:], *words[index + 1 :]])
    return f"{name} {ACRONYM_AT_END[language]}"


def _form(language, name):
    words = name.split()
    if language == "ru":
        head = next(
            (word for word in words if not word.lower().endswith(RUSSIAN_ADJECTIVE_ENDINGS)),
            words[0],
        ).lower()
        if head.endswith(("а", "я", "ость")):
            return FEMININE
        if head.endswith(("о", "е", "ё")):
            return NEUTER
        return PLURAL if head.endswith(("ы", "и")) else MASCULINE
    head = words[0].split("-")[-1].lower()
    if language == "fr":
        if head.endswith(("s", "x")) and len(head) > 3:
            return PLURAL
        feminine = head in FRENCH_FEMININE or head.endswith(FRENCH_FEMININE_ENDINGS)
        return FEMININE if feminine and head not in FRENCH_MASCULINE else MASCULINE
    if language == "it":
        if head in ITALIAN_MASCULINE:
            return MASCULINE
        if head in ITALIAN_FEMININE or head.endswith(("ione", "tà", "enza", "anza", "a")):
            return FEMININE
        return PLURAL if head.endswith("i") else MASCULINE
    if head in SPANISH_MASCULINE:
        return MASCULINE
    if head.endswith("s") and len(head) > 3:
        return PLURAL
    feminine = head == "corte" or head.endswith(("a", "ión", "dad", "tad", "tud", "umbre"))
    return FEMININE if feminine else MASCULINE


def _german_form(head):
    head = head.lower()
    if head.endswith(("referat", "sekretariat")):
        return NEUTER
    if head.endswith(("rat", "hof", "sitz")):
        return MASCULINE
    if head.endswith("en"):  # no singular head noun of a body ends so: "Chancen für ..."
        return PLURAL
    if head.endswith(GERMAN_FEMININE_ENDINGS):
        return FEMININE
    return NEUTER if head.endswith(GERMAN_NEUTER_ENDINGS) else MASCULINE


def _article(language, form, name):
    first = name.split()[0].lower()
    vowel = first[:1] in VOWELS
    if language == "fr":
        if form == PLURAL:
            return "les "
        return "l'" if vowel else "la " if form == FEMININE else "le "
    if language == "es":
        if form == PLURAL:
            return "las " if first.endswith(("as", "des", "nes")) else "los "
        return "la " if form == FEMININE else "el "
    lo = first.startswith(("z", "gn", "ps", "x")) or (
        first[:1] == "s" and first[1:2] not in VOWELS and first[1:2] != ""
    )
    if form == PLURAL:
        return "le " if first.endswith("e") else "gli " if vowel or lo else "i "
    if vowel:
        return "l'"
    return "la " if form == FEMININE else "lo " if lo else "il "


def _german_name(name, form=None, acronym=True):
    words = name.split()
    adjective_first = (
        len(words) > 1 and words[1][:1].isupper() and words[0].endswith(GERMAN_ADJECTIVE_ENDINGS)
    )
    if acronym and ACRONYM["de"] not in name:
        if adjective_first:  # "Hoher Kommissar der OSZE für nationale Minderheiten"
            words = [*words[:2], "der", "OSZE", *words[2:]]
        else:  # "OSZE-Mission in Serbien"
            words = [f"OSZE-{words[0]}", *words[1:]]
    head = 1 if adjective_first else 0
    if form is None:
        form = _german_form(words[head].split("-")[-1])
    # After "der"/"das" an adjective takes its weak ending: "der Hohe Kommissar".
    weak = list(words)
    if form in (MASCULINE, NEUTER) and adjective_first:
        weak[0] = weak[0].removesuffix("r" if form == MASCULINE else "s")
    if form == MASCULINE and weak[head].endswith(GERMAN_ADJECTIVAL_NOUNS):
        weak[head] = weak[head][:-1]
    return LocalName(" ".join(words), f"{GERMAN_ARTICLES[form]} {' '.join(weak)}", form)


def local_name(language, name, form=None, acronym=True, located=False):
    if language == "de":
        return _german_name(name, form, acronym)
    if acronym:
        name = _with_acronym(language, name, located)
    if form is None:
        form = _form(language, name)
    if language == "ru":
        return LocalName(name, name, form)
    return LocalName(name, _article(language, form, name) + name, form)


# --- Russian -------------------------------------------------------------------------------

CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщыэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya".split(),
        strict=True,
    )
) | {"ъ": "", "ь": ""}


def latin(text):
    """Russian in Latin letters, for the slug of an item that has no English title."""
    return "".join(CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())


def russian_count(number, forms):
    """The form of a Russian noun after `number`: 1, 2–4 or 5 or more (11–14 take the last)."""
    one, few, many = forms
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many
