"""`load_taxonomy`: one loader per kind of record, in one transaction."""

from django.conf import settings
from django.db import IntegrityError, transaction

from countries.models import Chairpersonship, Country, CountryAlias
from news.models import FieldOfWork, MeetingType
from structures.models import Structure, StructureAlias
from website.taxonomy.files import (
    CONTACT_KEYS,
    TaxonomyDataError,
    clean_text,
    flatten_structures,
    parse_date,
    read_data_files,
)
from website.taxonomy.names import columns, territory_name, translated
from website.taxonomy.rows import AliasLoader, LoadReport, ModelLoader
from website.taxonomy.validation import validate


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
        [*columns("name"), "slug", "iso_code", "status", "joined_on", *columns("description")],
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
                clean_text(entry["name"]),
                fallback=lambda language, code=iso_code: territory_name(code, language),
            ),
            "slug": entry["slug"],
            "iso_code": iso_code,
            "status": entry["status"],
            "joined_on": parse_date(entry.get("joined_on")),
            **translated(entry, "description", clean_text(entry.get("description"))),
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
            *columns("name"),
            "slug",
            "acronym",
            "kind",
            "parent",
            "host_country",
            *columns("location"),
            *columns("description"),
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
            **translated(entry, "name", clean_text(entry["name"])),
            "slug": entry["slug"],
            "acronym": clean_text(entry.get("acronym")),
            "kind": entry["kind"],
            "parent": by_key[parent_key].pk if parent_key else None,
            "host_country": countries[host].pk if host else None,
            **translated(entry, "location", clean_text(entry.get("location"))),
            **translated(entry, "description", clean_text(entry.get("description"))),
            "established_on": parse_date(entry.get("established_on")),
            "closed_on": parse_date(entry.get("closed_on")),
            "position": position,
        }
        row = loader.load(entry["key"], desired)
        aliases.add(row, entry.get("aliases", []))
        _fill_missing(row, _contacts(entry))
        _fill_missing(row, translated(entry, "running_name", clean_text(entry.get("running_name"))))
        by_key[entry["key"]] = row


def _contacts(entry):
    contacts = entry.get("contacts", {})
    return {name: value for name, value in contacts.items() if name in CONTACT_KEYS}


def _fill_missing(row, values):
    """The data file's `values` (contact details, names in running text) where the row has
    none: they are outside the checksum (a site loaded before they existed keeps following
    the file), and a value an editor typed is never replaced."""
    missing = {name: value for name, value in values.items() if value and not getattr(row, name)}
    if missing:
        type(row).objects.filter(pk=row.pk).update(**missing)
        for name, value in missing.items():
            setattr(row, name, value)


def _load_ordered(entries, model, report, key, label):
    loader = ModelLoader(
        model,
        [*columns("name"), "slug", *columns("description"), "position"],
        match_on=["slug", f"name_{settings.LANGUAGE_CODE}"],
        report=report,
        key=key,
        label=label,
    )
    for position, entry in enumerate(entries, start=1):
        loader.load(
            entry["key"],
            {
                **translated(entry, "name", clean_text(entry["name"])),
                "slug": entry["slug"],
                **translated(entry, "description", clean_text(entry.get("description"))),
                "position": position,
            },
        )
