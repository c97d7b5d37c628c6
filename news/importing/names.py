"""Taxonomy names in a record: resolved against the site's records (`news.naming`), or turned
into new records when the editor asks for `--create-missing`. A kind may name records of its
own (a project's donors, a document's type) through indexes it loads (`Kind.load_indexes`):
those are only ever resolved, never created."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from countries.models import Country, CountryStatus
from news.models import FieldOfWork
from news.naming import TaxonomyNames, UnknownName, name_key
from structures.models import Structure, StructureKind

CREATABLE = ("fields_of_work", "countries", "structures")


@dataclass
class Context:
    names: TaxonomyNames
    create_missing: bool
    # Unsaved records --create-missing will create, per kind, in the order first named.
    missing: dict = field(default_factory=lambda: {kind: [] for kind in CREATABLE})
    # The kind's own names: {"donors": resolve(name, context)}. A resolver may add an unsaved
    # record to `missing` under its kind (a donor for a country that has none yet).
    indexes: dict = field(default_factory=dict)
    # The import file's folder: the files a record names are found from there.
    folder: Path = Path()

    def creates(self, kind):
        """Whether --create-missing would create an unknown name of `kind`."""
        return kind in self.missing

    def resolve(self, kind, name):
        if kind in self.indexes:
            return self.indexes[kind](name, self)
        index = getattr(self.names, kind)
        try:
            return index.resolve(name)
        except UnknownName:
            if not self.create_missing:
                raise
        record = _new_taxonomy_record(kind, name)
        if not name_key(record.name):
            raise UnknownName(index.kind, name)
        index.add(record, [name, record.name])
        self.missing[kind].append(record)
        return record


_OSCE_PREFIX = re.compile(r"^OSCE\s+", re.IGNORECASE)
_STATUS_SUFFIX = re.compile(r"\s*\(\s*(?:closed|discontinued)\s*\)\s*$", re.IGNORECASE)


class NameTooLong(Exception):
    pass


def _new_taxonomy_record(kind, name):
    """The unsaved record `--create-missing` makes of a name nobody knows yet."""
    name = " ".join(name.split())
    if kind == "structures":
        name = _OSCE_PREFIX.sub("", _STATUS_SUFFIX.sub("", name)) or name
        record = Structure(name=name, kind=StructureKind.OTHER, parent=None)
    elif kind == "countries":
        record = Country(name=name, status=CountryStatus.OTHER, iso_code=None)
    else:
        record = FieldOfWork(name=name)
    limit = type(record)._meta.get_field("name").max_length
    if len(name) > limit:
        raise NameTooLong(f'"{name[:40]}…" is too long to create (at most {limit} characters)')
    return record
