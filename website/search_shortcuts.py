"""Taxonomy shortcuts for a search: the pages (a country, a structure, a field of work) whose
names match the words, e.g. the Mission to Serbia for "serbia mission". Not spelling
suggestions: the search page labels them "Pages matching your search".

The taxonomy is small (a few hundred names), so it is matched in Python against names,
acronyms, aliases and host countries, with a light stemmer so "election" finds "Elections".
"""

import unicodedata
from dataclasses import dataclass

from countries.models import Country
from news.models import FieldOfWork
from search.query import STOP_WORDS
from structures.models import Structure

# Words so common in the organisation's names that they say nothing on their own.
GENERIC_WORDS = frozenset(
    """osce mission office programme centre center project coordinator co ordinator
    department unit section conference conferences meeting meetings presence""".split()
)
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s")
MAX_PER_KIND = 4


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))


def _stem(word):
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _stems(text):
    return {_stem(w) for w in _fold(text).split() if w not in STOP_WORDS}


@dataclass(frozen=True)
class Shortcut:
    kind: str
    label: str
    url: str
    score: int


def _score(query_stems, names, acronym=""):
    if acronym and _fold(acronym).strip() in query_stems:
        return 10
    record_stems = set().union(*(_stems(name) for name in names)) if names else set()
    matched = query_stems & record_stems
    if not matched - GENERIC_WORDS:
        return 0
    return len(matched)


def find_shortcuts(query):
    """Structures, countries and fields of work whose names the query mentions."""
    query_stems = {_stem(w) for w in query.words} | set(query.words)
    if not query_stems:
        return []
    found = []
    for country in Country.objects.prefetch_related("aliases"):
        names = [country.name, *(alias.name for alias in country.aliases.all())]
        score = _score(query_stems, names)
        if score:
            found.append(Shortcut("country", country.name, country.get_absolute_url(), score))
    for structure in Structure.objects.select_related("host_country").prefetch_related("aliases"):
        names = [structure.name, *(alias.name for alias in structure.aliases.all())]
        if structure.host_country:
            names.append(structure.host_country.name)
        score = _score(query_stems, names, structure.acronym)
        if score:
            label = structure.name + (f" ({structure.acronym})" if structure.acronym else "")
            found.append(Shortcut("structure", label, structure.get_absolute_url(), score))
    for field in FieldOfWork.objects.all():
        score = _score(query_stems, [field.name])
        if score:
            found.append(Shortcut("field_of_work", field.name, field.get_absolute_url(), score))
    found.sort(key=lambda s: (-s.score, len(s.label)))
    per_kind = {}
    result = []
    for shortcut in found:
        if per_kind.setdefault(shortcut.kind, 0) < MAX_PER_KIND:
            per_kind[shortcut.kind] += 1
            result.append(shortcut)
    return result
