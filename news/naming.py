"""Resolving the names people write to the taxonomy's records.

Imports, search shortcuts and hand-written data name the organisation's bodies, countries and
fields of work in many ways: "OSCE Mission to Serbia", "Mission to Serbia", "mission-to-serbia",
"Office in Yerevan (closed)", "Russia", "Türkiye" / "Turkiye". All of them fold to one key, so
a name matches a record when its key equals the key of the record's name, slug, acronym or ISO
code, or of one of its aliases. A key shared by two different records is ambiguous: the caller
gets both candidates and decides (the importer refuses to guess).

The taxonomy is small (hundreds of rows), so it is loaded in a handful of queries and matched
in memory.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.text import slugify

from countries.models import Country
from news.models import FieldOfWork
from structures.models import Structure

_STATUS_SUFFIX = re.compile(r"\s*\(\s*(?:closed|discontinued)\s*\)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
# Words that only decorate a name: "OSCE Mission to Serbia" is the Mission to Serbia and
# "the Netherlands" is the Netherlands.
_IGNORED_LEADING_WORDS = ("osce", "the")


def name_key(value):
    """The comparable form of a name: no case, accents, punctuation, spacing or dashes, no
    leading "OSCE "/"the " and no trailing "(closed)"/"(discontinued)".

    Separators are dropped entirely (not turned into spaces) so "Co-ordinator" and
    "Coordinator", or a slug and the name it came from, fold to the same key.
    """
    text = _STATUS_SUFFIX.sub("", str(value).strip()).replace("&", " and ")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    words = _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)))
    while len(words) > 1 and words[0] in _IGNORED_LEADING_WORDS:
        words = words[1:]
    return "".join(words)


class NameLookupError(LookupError):
    """Base for lookup failures; `str()` is a message an editor can act on."""


class UnknownName(NameLookupError):
    def __init__(self, kind, name, suggestion=None):
        self.kind, self.name, self.suggestion = kind, name, suggestion
        message = f'unknown {kind} "{name}"'
        if suggestion:
            message += f' (did you mean "{suggestion}"?)'
        super().__init__(message)


class AmbiguousName(NameLookupError):
    def __init__(self, kind, name, candidates):
        self.kind, self.name, self.candidates = kind, name, candidates
        listed = ", ".join(f'"{candidate}"' for candidate in candidates)
        super().__init__(f'{kind} "{name}" is ambiguous: it could be {listed}')


@dataclass
class NameIndex:
    """Every name of one kind of record, keyed by `name_key`."""

    kind: str
    _by_key: dict = field(default_factory=dict)

    def add(self, record, names):
        """Register `record` under each of `names` (blank ones are ignored)."""
        for name in names:
            key = name_key(name) if name else ""
            if key:
                candidates = self._by_key.setdefault(key, {})
                candidates.setdefault(_identity(record), record)

    def matches(self, name):
        """All records `name` could mean (empty when none; more than one when ambiguous)."""
        return list(self._by_key.get(name_key(name), {}).values())

    def resolve(self, name):
        """The one record `name` means, or `UnknownName` / `AmbiguousName`."""
        found = self.matches(name)
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousName(self.kind, name, sorted(str(record) for record in found))
        raise UnknownName(self.kind, name, self.suggest(name))

    def suggest(self, name):
        """The closest known name, for "did you mean" hints."""
        close = difflib.get_close_matches(name_key(name), self._by_key, n=1, cutoff=0.86)
        if not close:
            return None
        candidates = list(self._by_key[close[0]].values())
        return str(candidates[0]) if len(candidates) == 1 else None

    def __contains__(self, name):
        return bool(self.matches(name))


def _identity(record):
    # Records not saved yet (the importer's --create-missing plans) have no pk: use the object.
    return (type(record), record.pk) if getattr(record, "pk", None) is not None else id(record)


@dataclass
class TaxonomyNames:
    """Name indexes for fields of work, countries and structures."""

    fields_of_work: NameIndex
    countries: NameIndex
    structures: NameIndex

    @classmethod
    def load(cls):
        """Five queries: fields of work, countries and their aliases, structures and theirs."""
        fields_of_work = NameIndex("field of work")
        for record in FieldOfWork.objects.all():
            fields_of_work.add(record, [record.name, record.slug])

        countries = NameIndex("country")
        for record in Country.objects.prefetch_related("aliases"):
            names = [record.name, record.slug, record.iso_code]
            countries.add(record, names + [alias.name for alias in record.aliases.all()])

        structures = NameIndex("structure")
        for record in Structure.objects.prefetch_related("aliases"):
            names = [record.name, record.slug, record.acronym]
            structures.add(record, names + [alias.name for alias in record.aliases.all()])

        return cls(fields_of_work=fields_of_work, countries=countries, structures=structures)


class SlugAllocator:
    """Unique slugs for many new records at once: "title", "title-2", "title-3"…

    The caller loads the slugs already taken in one query; numbering then costs no queries
    and stays linear even when thousands of titles share a base (daily reports).
    """

    def __init__(self, taken=(), max_length=255, fallback="item"):
        self.taken = set(taken)
        self.max_length = max_length
        self.fallback = fallback
        self._next_number = {}

    def allocate(self, text):
        base = slugify(text)[: self.max_length - 8].strip("-") or self.fallback
        number = self._next_number.get(base, 1)
        candidate = base if number == 1 else f"{base}-{number}"
        while candidate in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        self._next_number[base] = number + 1
        self.taken.add(candidate)
        return candidate
