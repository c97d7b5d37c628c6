"""Load the organisation's taxonomy from the data files in the repository.

The files (`countries/data/`, `structures/data/`, `news/data/`) are the source of truth for a
fresh site, but once loaded the rows belong to the editors. So every row remembers the entry
it came from (`source_key`) and a checksum of the values as last loaded (`source_checksum`):

- a row whose current values still match its checksum is untouched and follows the file;
- a row whose values no longer match has been edited in the admin and is left alone;
- a row an editor created by hand before the first load is adopted (matched by its unique
  slug, name, ISO code or year); only its empty fields are filled in, and it is stored with
  the file's checksum so that from then on it counts as edited unless it equals the file.

Translations: an entry's `translations` object holds its text in the other languages
(`{"ru": {"name": ..., "description": ...}}`); a country's name in other languages comes from
the CLDR through Babel (by ISO code) unless its entry names it. A missing translation is left
empty, and the site shows the English text with a notice.

Country names follow one policy in every language: the official short names the organisation
uses (as on osce.org: "Kyrgyzstan"/"Кыргызстан", "Russian Federation"/"Российская Федерация",
"United States of America"/"États-Unis d'Amérique"). Where the CLDR has an everyday name
instead ("Киргизия", "Россия", "Russie"), `countries/data/countries.json` names the country.

Aliases are added when missing and never deleted. The whole load is one transaction.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction

from core.text import strip_control_characters
from countries.models import Chairpersonship, Country, CountryAlias, CountryStatus
from news.models import FieldOfWork, MeetingType
from structures.models import Structure, StructureAlias, StructureKind

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
    "structures": {"key", "name", "slug", "kind", "acronym", "aliases", "location"}
    | {"host_country", "established_on", "closed_on", "description", "note", "children"}
    | {"translations"},
    "fields_of_work": {"key", "name", "slug", "description", "note", "translations"},
    "meeting_types": {"key", "name", "slug", "description", "note", "translations"},
}
# The fields an entry's `translations` may hold, per kind of entry.
TRANSLATED_KEYS = {
    "countries": {"name", "description"},
    "structures": {"name", "description", "location"},
    "fields_of_work": {"name", "description"},
    "meeting_types": {"name", "description"},
}


def other_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translated(entry, name, english, fallback=None):
    """`{name_en: english, name_fr: ..., ...}` from an entry's `translations`; a language the
    entry does not translate gets `fallback(language)` or stays empty."""
    values = {f"{name}_{settings.LANGUAGE_CODE}": english}
    translations = entry.get("translations") or {}
    for code in other_languages():
        value = _text((translations.get(code) or {}).get(name))
        if not value and fallback is not None:
            value = fallback(code) or ""
        values[f"{name}_{code}"] = value
    return values


def territory_name(iso_code, language):
    """The CLDR's name of a country in `language` (Babel), or None when it has none."""
    if not iso_code:
        return None
    try:
        return Locale.parse(language).territories.get(iso_code)
    except (UnknownLocaleError, ValueError):
        return None


class TaxonomyDataError(Exception):
    """The data files are inconsistent; `problems` lists every issue found."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class ModelCounts:
    label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0

    def line(self):
        return (
            f"{self.label}: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.kept} kept (edited)"
        )


@dataclass
class LoadReport:
    counts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    changes: list = field(default_factory=list)

    def for_model(self, key, label):
        return self.counts.setdefault(key, ModelCounts(label))

    @property
    def total(self):
        total = ModelCounts("Total")
        for counts in self.counts.values():
            total.created += counts.created
            total.updated += counts.updated
            total.unchanged += counts.unchanged
            total.kept += counts.kept
        return total

    def lines(self):
        return [counts.line() for counts in self.counts.values()] + [self.total.line()]


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


def _text(value):
    return strip_control_characters(value or "")


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def flatten_structures(entries, parent_key=None):
    """The nested structures tree as (entry, parent key, position) rows, parents first."""
    rows = []
    for index, entry in enumerate(entries, start=1):
        rows.append((entry, parent_key, index))
        rows.extend(flatten_structures(entry.get("children", []), entry.get("key")))
    return rows


def validate(data):
    """Every problem in the data files at once, so a maintainer fixes them in one pass."""
    problems = _shape_problems(data)
    if problems:
        raise TaxonomyDataError(problems)

    def check_keys(name, entries, required):
        seen = {}
        for index, entry in enumerate(entries):
            where = f"{name}[{index}]"
            for unknown in sorted(set(entry) - ALLOWED_KEYS[name]):
                problems.append(f"{where}: unknown key {unknown!r}.")
            for language, texts in (entry.get("translations") or {}).items():
                if language not in other_languages():
                    problems.append(f"{where}: translations: unknown language {language!r}.")
                for unknown in sorted(set(texts) - TRANSLATED_KEYS.get(name, set())):
                    problems.append(
                        f"{where}: translations.{language}: {unknown!r} is not translated."
                    )
            for key in required:
                if entry.get(key) in (None, ""):
                    problems.append(f"{where}: '{key}' is required.")
            key = entry.get("key")
            if key in seen:
                problems.append(f"{where}: key {key!r} is also used by {name}[{seen[key]}].")
            seen.setdefault(key, index)
        for unique in ("slug", "name", "year", "iso_code"):
            values = {}
            for index, entry in enumerate(entries):
                value = entry.get(unique)
                if value in (None, ""):
                    continue
                folded = str(value).casefold()
                if folded in values:
                    problems.append(
                        f"{name}[{index}]: {unique} {value!r} is also used by "
                        f"{name}[{values[folded]}]."
                    )
                values.setdefault(folded, index)

    def check_aliases(name, entries):
        owners = {str(entry.get("name", "")).casefold(): entry.get("key") for entry in entries}
        for entry in entries:
            for alias in entry.get("aliases", []):
                folded = alias.casefold()
                if owners.setdefault(folded, entry.get("key")) != entry.get("key"):
                    problems.append(
                        f"{name} {entry.get('key')!r}: alias {alias!r} is already the name or "
                        f"an alias of {owners[folded]!r}."
                    )

    countries = data["countries"]
    check_keys("countries", countries, ("key", "name", "slug", "status"))
    check_aliases("countries", countries)
    country_keys = set()
    for index, entry in enumerate(countries):
        iso = entry.get("iso_code")
        if iso is not None and not (len(iso) == 2 and iso.isascii() and iso.isupper()):
            problems.append(f"countries[{index}]: iso_code {iso!r} must be two capital letters.")
        if entry.get("status") not in CountryStatus.values:
            problems.append(f"countries[{index}]: unknown status {entry.get('status')!r}.")
        country_keys.update(k for k in (entry.get("key"), iso) if k)
        problems.extend(_date_problems(f"countries[{index}]", entry, ("joined_on",)))

    chairs = data["chairpersonships"]
    check_keys("chairpersonships", chairs, ("key", "year", "country"))
    for index, entry in enumerate(chairs):
        if entry.get("country") and entry["country"] not in country_keys:
            problems.append(
                f"chairpersonships[{index}]: unknown country {entry['country']!r} "
                "(use a country's key or ISO code)."
            )

    structures = [entry for entry, _parent, _position in flatten_structures(data["structures"])]
    check_keys("structures", structures, ("key", "name", "slug", "kind"))
    check_aliases("structures", structures)
    for entry in structures:
        where = f"structures {entry.get('key')!r}"
        if entry.get("kind") not in StructureKind.values:
            problems.append(f"{where}: unknown kind {entry.get('kind')!r}.")
        host = entry.get("host_country")
        if host and host not in country_keys:
            problems.append(f"{where}: unknown host country {host!r}.")
        problems.extend(_date_problems(where, entry, ("established_on", "closed_on")))

    for name in ("fields_of_work", "meeting_types"):
        check_keys(name, data[name], ("key", "name", "slug"))

    if problems:
        raise TaxonomyDataError(problems)


def _shape_problems(data):
    """Lists of objects holding text, so the detailed checks can rely on the types."""
    problems = []

    def check_values(where, entry):
        for key, value in entry.items():
            if key == "aliases":
                if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                    problems.append(f"{where}: aliases must be a list of names.")
            elif key == "translations":
                if not isinstance(value, dict) or not all(
                    isinstance(texts, dict) and all(isinstance(t, str) for t in texts.values())
                    for texts in value.values()
                ):
                    problems.append(f"{where}: translations must map languages to texts.")
            elif key == "year":
                if not isinstance(value, int) or isinstance(value, bool):
                    problems.append(f"{where}: year must be a whole number.")
            elif key != "children" and value is not None and not isinstance(value, str):
                problems.append(f"{where}: {key} must be text.")

    def check_list(where, entries):
        if not isinstance(entries, list):
            problems.append(f"{where}: must be a list of objects.")
            return
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                problems.append(f"{where}[{index}]: must be an object.")
                continue
            check_values(f"{where}[{index}]", entry)
            if where.startswith("structures") and "children" in entry:
                check_list(f"{where}[{index}].children", entry["children"])

    for name in DATA_FILES:
        if name not in data:
            problems.append(f"{name}: missing.")
        else:
            check_list(name, data[name])
    return problems


def _date_problems(where, entry, keys):
    problems = []
    for key in keys:
        try:
            _date(entry.get(key))
        except (TypeError, ValueError):
            problems.append(f"{where}: {key} {entry.get(key)!r} is not an ISO date (YYYY-MM-DD).")
    return problems


class ModelLoader:
    """Creates, updates or leaves alone the rows of one model from a list of desired values."""

    def __init__(self, model, fields, match_on, report, key, label):
        self.model = model
        self.fields = fields
        self.translated = {
            name for name in fields if getattr(model._meta.get_field(name), "language", None)
        }
        self.match_on = match_on
        self.report = report
        self.counts = report.for_model(key, label)
        self.rows = list(model.objects.all())
        self.claimed = set()

    def current_values(self, row):
        values = {}
        for name in self.fields:
            value = getattr(row, self.model._meta.get_field(name).attname)
            # An empty translation is stored as NULL; the files say "".
            values[name] = "" if value is None and name in self.translated else value
        return values

    def follows_file(self, row):
        """The row still holds the values it was last loaded with. Rows loaded before the
        site was translated have checksums over untranslated names (`name`, not `name_en`)."""
        current = self.current_values(row)
        if checksum(current) == row.source_checksum:
            return True
        english = f"_{settings.LANGUAGE_CODE}"
        legacy = {
            name.removesuffix(english): value
            for name, value in current.items()
            if name not in self.translated or name.endswith(english)
        }
        return checksum(legacy) == row.source_checksum

    def find(self, source_key, desired):
        """The row for this entry: its own first, then a hand-made one with the same identity."""
        for row in self.rows:
            if row.source_key == source_key and row.pk not in self.claimed:
                return row, False
        for name in self.match_on:
            value = desired[name]
            if value in (None, ""):
                continue
            for row in self.rows:
                if row.pk in self.claimed or row.source_key:
                    continue
                current = getattr(row, self.model._meta.get_field(name).attname)
                if isinstance(value, str) and isinstance(current, str):
                    if current.casefold() == value.casefold():
                        return row, True
                elif current == value:
                    return row, True
        return None, False

    def load(self, source_key, desired):
        """Apply one entry; returns the row it now corresponds to."""
        target = checksum(desired)
        row, adopted = self.find(source_key, desired)
        if row is None:
            row = self.model(source_key=source_key, source_checksum=target, **self._attrs(desired))
            row.save()
            self.rows.append(row)
            self.counts.created += 1
            self.report.changes.append(f"created {self.model._meta.verbose_name} {row}")
        elif adopted:
            current = self.current_values(row)
            filled = {
                name: value for name, value in desired.items() if current[name] in (None, "", 0)
            }
            for attname, value in self._attrs(filled).items():
                setattr(row, attname, value)
            row.source_key = source_key
            row.source_checksum = target
            row.save()
            self.counts.updated += 1
            self.report.changes.append(f"adopted {self.model._meta.verbose_name} {row}")
        else:
            current = checksum(self.current_values(row))
            if current == target:
                if row.source_checksum != target:
                    # The editor's values now equal the file's: it follows the file again.
                    self.model.objects.filter(pk=row.pk).update(source_checksum=target)
                self.counts.unchanged += 1
            elif not self.follows_file(row):
                self.counts.kept += 1
                self.report.changes.append(
                    f"kept {self.model._meta.verbose_name} {row} (changed by an editor)"
                )
            else:
                for attname, value in self._attrs(desired).items():
                    setattr(row, attname, value)
                row.source_checksum = target
                row.save()
                self.counts.updated += 1
                self.report.changes.append(f"updated {self.model._meta.verbose_name} {row}")
        self.claimed.add(row.pk)
        return row

    def _attrs(self, values):
        return {self.model._meta.get_field(name).attname: value for name, value in values.items()}


class AliasLoader:
    """Adds missing aliases; an alias already used by another record is reported, not moved."""

    def __init__(self, alias_model, owner_field, report, key, label):
        self.alias_model = alias_model
        self.owner_field = owner_field
        self.report = report
        self.counts = report.for_model(key, label)
        self.owners = {
            name.casefold(): (owner_id, name)
            for owner_id, name in alias_model.objects.values_list(f"{owner_field}_id", "name")
        }

    def add(self, owner, names):
        for name in names:
            name = _text(name)
            existing = self.owners.get(name.casefold())
            if existing is None:
                self.alias_model.objects.create(**{self.owner_field: owner, "name": name})
                self.owners[name.casefold()] = (owner.pk, name)
                self.counts.created += 1
            elif existing[0] == owner.pk:
                self.counts.unchanged += 1
            else:
                self.report.warnings.append(
                    f"Alias {name!r} of {owner} not added: it already names another "
                    f"{self.alias_model._meta.get_field(self.owner_field).verbose_name}."
                )


def load_taxonomy(data=None):
    """Load the data files (or `data`, shaped like `read_data_files()`) in one transaction."""
    data = read_data_files() if data is None else data
    validate(data)
    report = LoadReport()
    try:
        with transaction.atomic():
            countries = _load_countries(data, report)
            _load_chairpersonships(data, report, countries)
            _load_structures(data, report, countries)
            _load_ordered(data["fields_of_work"], FieldOfWork, report, "fields", "Fields of work")
            _load_ordered(data["meeting_types"], MeetingType, report, "series", "Meeting series")
    except IntegrityError as error:
        raise TaxonomyDataError(
            [f"The data files conflict with records in the database: {error}"]
        ) from error
    return report


def _load_countries(data, report):
    loader = ModelLoader(
        Country,
        [*_columns("name"), "slug", "iso_code", "status", "joined_on", *_columns("description")],
        match_on=["slug", "iso_code", f"name_{settings.LANGUAGE_CODE}"],
        report=report,
        key="countries",
        label="Countries",
    )
    aliases = AliasLoader(CountryAlias, "country", report, "country_aliases", "Country aliases")
    by_key = {}
    for entry in data["countries"]:
        iso_code = entry.get("iso_code") or None
        desired = {
            **translated(
                entry,
                "name",
                _text(entry["name"]),
                fallback=lambda language, code=iso_code: territory_name(code, language),
            ),
            "slug": entry["slug"],
            "iso_code": iso_code,
            "status": entry["status"],
            "joined_on": _date(entry.get("joined_on")),
            **translated(entry, "description", _text(entry.get("description"))),
        }
        row = loader.load(entry["key"], desired)
        aliases.add(row, entry.get("aliases", []))
        by_key[entry["key"]] = row
        if entry.get("iso_code"):
            by_key[entry["iso_code"]] = row
    return by_key


def _load_chairpersonships(data, report, countries):
    loader = ModelLoader(
        Chairpersonship,
        ["year", "country"],
        match_on=["year"],
        report=report,
        key="chairpersonships",
        label="Chairpersonships",
    )
    for entry in data["chairpersonships"]:
        loader.load(
            entry["key"], {"year": entry["year"], "country": countries[entry["country"]].pk}
        )


def _load_structures(data, report, countries):
    loader = ModelLoader(
        Structure,
        [
            *_columns("name"),
            "slug",
            "acronym",
            "kind",
            "parent",
            "host_country",
            *_columns("location"),
            *_columns("description"),
            "established_on",
            "closed_on",
            "position",
        ],
        match_on=["slug"],
        report=report,
        key="structures",
        label="Structures",
    )
    aliases = AliasLoader(
        StructureAlias, "structure", report, "structure_aliases", "Structure aliases"
    )
    by_key = {}
    for entry, parent_key, position in flatten_structures(data["structures"]):
        host = entry.get("host_country")
        desired = {
            **translated(entry, "name", _text(entry["name"])),
            "slug": entry["slug"],
            "acronym": _text(entry.get("acronym")),
            "kind": entry["kind"],
            "parent": by_key[parent_key].pk if parent_key else None,
            "host_country": countries[host].pk if host else None,
            **translated(entry, "location", _text(entry.get("location"))),
            **translated(entry, "description", _text(entry.get("description"))),
            "established_on": _date(entry.get("established_on")),
            "closed_on": _date(entry.get("closed_on")),
            "position": position,
        }
        row = loader.load(entry["key"], desired)
        aliases.add(row, entry.get("aliases", []))
        by_key[entry["key"]] = row


def _load_ordered(entries, model, report, key, label):
    loader = ModelLoader(
        model,
        [*_columns("name"), "slug", *_columns("description"), "position"],
        match_on=["slug", f"name_{settings.LANGUAGE_CODE}"],
        report=report,
        key=key,
        label=label,
    )
    for position, entry in enumerate(entries, start=1):
        loader.load(
            entry["key"],
            {
                **translated(entry, "name", _text(entry["name"])),
                "slug": entry["slug"],
                **translated(entry, "description", _text(entry.get("description"))),
                "position": position,
            },
        )


def _columns(name):
    """A translated field's columns, English first."""
    return [f"{name}_{code}" for code, _label in settings.LANGUAGES]
