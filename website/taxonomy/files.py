"""The taxonomy's data files: where they are, what an entry may hold, how a row's values are
fingerprinted, and the helpers that read an entry's text and dates the same way everywhere."""

import datetime
import hashlib
import json
from pathlib import Path

from django.apps import apps

from core.text import strip_control_characters

DATA_FILES = {
    "countries": ("countries", "countries.json"),
    "chairpersonships": ("countries", "chairpersonships.json"),
    "structures": ("structures", "structures.json"),
    "fields_of_work": ("news", "fields_of_work.json"),
    "meeting_types": ("news", "meeting_types.json"),
}


# The keys each kind of entry may have; `note` is for maintainers and is not loaded.
ALLOWED_KEYS = {
    "countries": {"key", "name", "slug", "iso_code", "status", "joined_on", "aliases"}
    | {"description", "note", "translations"},
    "chairpersonships": {"key", "year", "country", "note"},
    "structures": {"key", "name", "running_name", "slug", "kind", "acronym", "aliases"}
    | {"location"}
    | {"host_country", "established_on", "closed_on", "description", "note", "children"}
    | {"translations", "contacts"},
    "fields_of_work": {"key", "name", "slug", "description", "note", "translations"},
    "meeting_types": {"key", "name", "slug", "description", "note", "translations"},
}
# The contact fields a structure's `contacts` may hold (see loading._fill_missing).
CONTACT_KEYS = {"address", "phone", "email", "website"}
# The fields an entry's `translations` may hold, per kind of entry.
TRANSLATED_KEYS = {
    "countries": {"name", "description"},
    "structures": {"name", "running_name", "description", "location"},
    "fields_of_work": {"name", "description"},
    "meeting_types": {"name", "description"},
}


class TaxonomyDataError(Exception):
    """The data files are inconsistent; `problems` lists every issue found."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def read_data_files():
    """The raw entries of every data file, keyed as in `DATA_FILES`."""
    data = {}
    for name, (app_label, filename) in DATA_FILES.items():
        path = Path(apps.get_app_config(app_label).path) / "data" / filename
        data[name] = json.loads(path.read_text(encoding="utf-8"))
    return data


def checksum(values):
    """A stable fingerprint of a row's managed values (dates as ISO strings, FKs as ids)."""
    encoded = json.dumps(
        values, sort_keys=True, ensure_ascii=False, default=lambda v: v.isoformat()
    )
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def clean_text(value):
    """An entry's text as a row stores it: absent is empty, and no control character from a
    hand-edited file reaches the site."""
    return strip_control_characters(value or "")


def parse_date(value):
    """An entry's ISO date, or None when it has none (validation has checked the format)."""
    return datetime.date.fromisoformat(value) if value else None


def flatten_structures(entries, parent_key=None):
    """The nested structures tree as (entry, parent key, position) rows, parents first."""
    rows = []
    for index, entry in enumerate(entries, start=1):
        rows.append((entry, parent_key, index))
        rows.extend(flatten_structures(entry.get("children", []), entry.get("key")))
    return rows
