"""Importing news items from a JSON file (`manage.py import_news`).

The import runs in three steps, and only the last one writes:

1. **check** every record against `KEYS` and resolve every name (`news.naming`). Problems are
   collected, never raised one at a time, so the editor fixes the whole file in one go;
2. **plan** what each record does to the database: create, update, leave unchanged, or skip
   (when existing items make the match ambiguous);
3. **apply** the plan in one transaction (not at all with `--dry-run`).

A record is identified by its `source_url`, or by its title and `issued_on` when it has none,
so importing the same file twice changes nothing. Keys a record leaves out keep the existing
item's values; a new item gets the model's defaults (and `status` "published").

Languages: `title`, `teaser` and `body` are in the record's `"language"` (default "en");
`"translations"` holds the same fields in other languages (`{"ru": {"title": ...}}`). The item
is published in the record's language and in each translation's; other languages it already
has are kept.

Adding a key means adding one `KeySpec` to `KEYS` and, when it is a plain column, nothing
else.
"""

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max

from core.publishing import Status
from core.richtext import check_html_limits, sanitize_html, text_to_html
from core.text import strip_control_characters
from countries.models import Country, CountryStatus
from news.models import FieldOfWork, NewsItem, NewsItemIssuer, NewsType
from news.naming import AmbiguousName, SlugAllocator, TaxonomyNames, UnknownName, name_key
from structures.models import Structure, StructureKind

BATCH_SIZE = 500
IMPORT_STATUSES = {"published": Status.PUBLISHED, "draft": Status.DRAFT}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_VALIDATOR = URLValidator(schemes=["http", "https"])
_TYPE_NAMES = {
    **{name_key(value): value for value in NewsType.values},
    **{name_key(str(label)): value for value, label in NewsType.choices},
    name_key("News item"): NewsType.NEWS,  # what the organisation's own pages call a news item
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file. `record` counts from 1, as an editor reading it would."""

    message: str
    record: int | None = None
    key: str | None = None
    # Names --create-missing would create: the command then suggests the option.
    unknown_name: bool = False

    def __str__(self):
        if self.record is None:
            return self.message
        where = f"record {self.record}" + (f", {self.key}" if self.key else "")
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class Invalid(Exception):
    """Raised by a field cleaner; carries one message per problem found in the value."""

    def __init__(self, *messages, unknown_names=False):
        self.messages = list(messages)
        self.unknown_names = unknown_names
        super().__init__("; ".join(self.messages))


# --- Checking one value --------------------------------------------------------------------


def _text(value, *, max_length=None, required=False):
    if not isinstance(value, str):
        raise Invalid(f"must be a string, not {_json_type(value)}")
    value = strip_control_characters(value).strip()
    if required and not value:
        raise Invalid("must not be empty")
    if max_length and len(value) > max_length:
        raise Invalid(f"is too long ({len(value)} characters; at most {max_length})")
    return value


def clean_title(value, context):
    return _text(value, max_length=NewsItem._meta.get_field("title").max_length, required=True)


def clean_teaser(value, context):
    return _text(value, max_length=NewsItem._meta.get_field("teaser").max_length)


def clean_body(value, context):
    """Plain text becomes paragraphs; then the admin's limits and sanitiser apply."""
    value = _text(value)
    try:
        check_html_limits(value)
    except ValidationError as error:
        raise Invalid(*error.messages) from None
    return sanitize_html(text_to_html(value))


def clean_issued_on(value, context):
    value = _text(value, required=True)
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Invalid(f'"{value}" is not a date in ISO format (YYYY-MM-DD)') from None


def clean_type(value, context):
    value = _text(value, required=True)
    try:
        return _TYPE_NAMES[name_key(value)]
    except KeyError:
        known = ", ".join(f'"{label}"' for label in NewsType.labels)
        raise Invalid(f'unknown type "{value}" (known types: {known})') from None


def clean_status(value, context):
    value = _text(value, required=True)
    try:
        return IMPORT_STATUSES[value.lower()]
    except KeyError:
        raise Invalid(f'"{value}" is not a status: use "published" or "draft"') from None


def clean_source_url(value, context):
    value = _text(value, max_length=NewsItem._meta.get_field("source_url").max_length)
    if value:
        try:
            _URL_VALIDATOR(value)
        except ValidationError:
            raise Invalid(f'"{value}" is not a valid http(s) URL') from None
    return value


def _names(kind):
    """A cleaner for a list of names of one taxonomy kind; resolves them to records."""

    def clean(value, context):
        if not isinstance(value, list):
            raise Invalid(f"must be a list of names, not {_json_type(value)}")
        records, messages, unknown = [], [], False
        for position, name in enumerate(value, start=1):
            if not isinstance(name, str) or not strip_control_characters(name).strip():
                messages.append(f"item {position} must be a non-empty name")
                continue
            try:
                record = context.resolve(kind, strip_control_characters(name).strip())
            except (UnknownName, AmbiguousName, NameTooLong) as error:
                messages.append(str(error))
                unknown = unknown or isinstance(error, UnknownName)
                continue
            if record not in records:
                records.append(record)
        if messages:
            raise Invalid(*messages, unknown_names=unknown)
        return records

    return clean


# The fields a record gives per language; each is stored in its language's column.
TRANSLATED_KEYS = ("title", "teaser", "body")


def _language_codes():
    return [code for code, _name in settings.LANGUAGES]


def clean_language(value, context):
    value = _text(value, required=True).lower()
    if value not in _language_codes():
        known = ", ".join(f'"{code}"' for code in _language_codes())
        raise Invalid(f'"{value}" is not a language of the site (known: {known})')
    return value


def clean_translations(value, context):
    """{language: {field: cleaned value}}; each translation needs its own title."""
    if not isinstance(value, dict):
        raise Invalid(f"must be an object keyed by language, not {_json_type(value)}")
    cleaners = {"title": clean_title, "teaser": clean_teaser, "body": clean_body}
    translations, messages = {}, []
    for language, texts in value.items():
        if language not in _language_codes():
            known = ", ".join(f'"{code}"' for code in _language_codes())
            messages.append(f'"{language}" is not a language of the site (known: {known})')
            continue
        if not isinstance(texts, dict):
            messages.append(f"{language}: must be an object, not {_json_type(texts)}")
            continue
        cleaned = {}
        for key in texts:
            if key not in cleaners:
                allowed = ", ".join(TRANSLATED_KEYS)
                messages.append(f"{language}.{key}: unknown key (allowed: {allowed})")
        if "title" not in texts:
            messages.append(f"{language}.title: is required")
        for key, clean in cleaners.items():
            if key in texts and (texts[key] is not None or key == "title"):
                try:
                    cleaned[key] = clean(texts[key], context)
                except Invalid as error:
                    messages += [f"{language}.{key}: {message}" for message in error.messages]
        translations[language] = cleaned
    if messages:
        raise Invalid(*messages)
    return translations


@dataclass(frozen=True)
class KeySpec:
    clean: Callable
    required: bool = False
    # Taxonomy lists are written as relations, not columns.
    relation: bool = False


KEYS = {
    "title": KeySpec(clean_title, required=True),
    "issued_on": KeySpec(clean_issued_on, required=True),
    "issued_by": KeySpec(_names("structures"), relation=True),
    "fields_of_work": KeySpec(_names("fields_of_work"), relation=True),
    "countries": KeySpec(_names("countries"), relation=True),
    "type": KeySpec(clean_type),
    "teaser": KeySpec(clean_teaser),
    "body": KeySpec(clean_body),
    "source_url": KeySpec(clean_source_url),
    "status": KeySpec(clean_status),
    "language": KeySpec(clean_language),
    "translations": KeySpec(clean_translations),
}


def _json_type(value):
    if value is None:
        return "null"
    for kind, name in ((bool, "true/false"), (int | float, "a number"), (str, "a string"),
                       (list, "a list"), (dict, "an object")):  # fmt: skip
        if isinstance(value, kind):
            return name
    return type(value).__name__


# --- Resolving names, creating missing ones on request -------------------------------------


@dataclass
class Context:
    names: TaxonomyNames
    create_missing: bool
    # Unsaved records --create-missing will create, per kind, in the order first named.
    missing: dict = field(
        default_factory=lambda: {"fields_of_work": [], "countries": [], "structures": []}
    )

    def resolve(self, kind, name):
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


# --- Step 1: check ----------------------------------------------------------------------------


@dataclass
class CleanRecord:
    number: int
    values: dict  # column -> cleaned value, only for keys the record has
    relations: dict  # "issued_by" / "fields_of_work" / "countries" -> list of records
    language: str = settings.LANGUAGE_CODE  # the language of the record's own title

    @property
    def identity(self):
        return self.values.get("source_url") or None

    @property
    def title(self):
        return self.values[f"title_{self.language}"]


def _in_columns(values):
    """Move the record's texts into their languages' columns (title -> title_ru) and mark
    the item published in each; returns the values and the record's language."""
    language = values.pop("language", settings.LANGUAGE_CODE)
    translations = values.pop("translations", {})
    for key in TRANSLATED_KEYS:
        if key in values:
            values[f"{key}_{language}"] = values.pop(key)
    for code, texts in translations.items():
        for key, value in texts.items():
            values[f"{key}_{code}"] = value
    for code in {language, *translations}:
        values[f"in_language_{code}"] = True
    return values, language


class _RecordObject(dict):
    """A JSON object that remembers keys written twice (json keeps only the last)."""

    def __init__(self, pairs):
        super().__init__(pairs)
        seen = set()
        self.repeated_keys = []
        for key, _value in pairs:
            if key in seen and key not in self.repeated_keys:
                self.repeated_keys.append(key)
            seen.add(key)


def read_records(path):
    """The file's JSON list, or `ImportFailed` saying why it is not one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportFailed([Problem(f"{path}: no such file")]) from None
    except IsADirectoryError:
        raise ImportFailed([Problem(f"{path}: is a directory, not a JSON file")]) from None
    except UnicodeDecodeError as error:
        raise ImportFailed([Problem(f"{path}: not UTF-8 text ({error.reason})")]) from None
    except OSError as error:
        raise ImportFailed([Problem(f"{path}: cannot be read ({error.strerror})")]) from None
    try:
        data = json.loads(text, object_pairs_hook=_RecordObject)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            [Problem(f"{path}: not valid JSON ({error.msg} at line {error.lineno}, "
                     f"column {error.colno})")]
        ) from None  # fmt: skip
    if not isinstance(data, list):
        raise ImportFailed(
            [Problem(f"{path}: must hold a JSON list of records, not {_json_type(data)}")]
        )
    return data


def check_records(data, context, progress):
    """Clean every record; return the clean records or raise `ImportFailed` with every
    problem in the file."""
    problems, records = [], []
    for number, raw in enumerate(progress(data, "Checking"), start=1):
        if not isinstance(raw, dict):
            problems.append(Problem(f"must be an object, not {_json_type(raw)}", number))
            continue
        record_problems = [
            Problem("is written more than once", number, key) for key in raw.repeated_keys
        ]
        record_problems += [
            Problem("unknown key (allowed: " + ", ".join(KEYS) + ")", number, key)
            for key in raw
            if key not in KEYS
        ]
        values, relations = {}, {}
        for key, spec in KEYS.items():
            if key not in raw or (raw[key] is None and not spec.required):
                if spec.required:
                    record_problems.append(Problem("is required", number, key))
                continue
            try:
                cleaned = spec.clean(raw[key], context)
            except Invalid as error:
                record_problems += [
                    Problem(message, number, key, error.unknown_names) for message in error.messages
                ]
                continue
            (relations if spec.relation else values)[key] = cleaned
        if values.get("language") and values.get("language") in values.get("translations", {}):
            record_problems.append(
                Problem("repeats the record's own language", number, "translations")
            )
        problems += record_problems
        if not record_problems:
            values, language = _in_columns(values)
            records.append(CleanRecord(number, values, relations, language))
    problems += _duplicates(records)
    if problems:
        raise ImportFailed(problems)
    return records


def _duplicates(records):
    """Two records of one file must not describe the same item."""
    problems, by_url, by_title = [], {}, {}
    for record in records:
        url = record.identity
        title_key = (record.language, record.title.casefold(), record.values["issued_on"])
        if url:
            first = by_url.setdefault(url, record.number)
            if first != record.number:
                problems.append(
                    Problem(f"same source_url as record {first}", record.number, "source_url")
                )
                continue
        first = by_title.get(title_key)
        if first and (not url or not first[1]):
            problems.append(
                Problem(
                    f"same title and issued_on as record {first[0]}; give each a source_url",
                    record.number,
                    "title",
                )
            )
        by_title.setdefault(title_key, (record.number, url))
    return problems


# --- Step 2: plan ----------------------------------------------------------------------------

CREATE, UPDATE, UNCHANGED, SKIP = "created", "updated", "unchanged", "skipped"


@dataclass
class Action:
    outcome: str
    record: CleanRecord
    item: NewsItem | None = None
    note: str = ""


def _chunks(sequence, size=BATCH_SIZE):
    for start in range(0, len(sequence), size):
        yield sequence[start : start + size]


def _existing_items(records):
    """Items the records may match, with their relations, in a few queries per 500 records."""
    urls = sorted({record.identity for record in records if record.identity})
    pairs = {(record.language, record.title, record.values["issued_on"]) for record in records}
    found = {}
    queryset = NewsItem.objects.prefetch_related("issuers", "fields_of_work", "countries")
    for chunk in _chunks(urls):
        found.update((item.pk, item) for item in queryset.filter(source_url__in=chunk))
    for language in {language for language, _title, _date in pairs}:
        in_language = sorted((t, d) for code, t, d in pairs if code == language)
        for chunk in _chunks(in_language):
            titles = {title for title, _ in chunk}
            dates = {issued_on for _, issued_on in chunk}
            candidates = queryset.filter(**{f"title_{language}__in": titles}, issued_on__in=dates)
            found.update(
                (item.pk, item)
                for item in candidates
                if (language, getattr(item, f"title_{language}"), item.issued_on) in pairs
            )
    by_url, by_title = {}, {}
    for item in found.values():
        if item.source_url:
            by_url[item.source_url] = item
        for code in _language_codes():
            title = getattr(item, f"title_{code}")
            if title:
                by_title.setdefault((code, title, item.issued_on), []).append(item)
    return by_url, by_title


def _match(record, by_url, by_title):
    """The existing item a record describes: its source_url's, else the one item with its
    title and date (one without a source_url of its own when the record has one)."""
    url = record.identity
    if url and url in by_url:
        return by_url[url], ""
    candidates = by_title.get((record.language, record.title, record.values["issued_on"]), [])
    if url:
        candidates = [item for item in candidates if not item.source_url]
    if len(candidates) > 1:
        ids = ", ".join(str(item.pk) for item in sorted(candidates, key=lambda i: i.pk))
        return None, f"title and issued_on match several existing items (ids {ids}); skipped"
    return (candidates[0] if candidates else None), ""


def _changes(record, item):
    """Names of what the record would change on `item`."""
    changed = [key for key, value in record.values.items() if getattr(item, key) != value]
    current = {
        "issued_by": [link.structure_id for link in sorted(item.issuers.all(), key=_position)],
        "fields_of_work": {related.pk for related in item.fields_of_work.all()},
        "countries": {related.pk for related in item.countries.all()},
    }
    for key, records in record.relations.items():
        wanted = [related.pk for related in records]
        if None in wanted or (wanted if key == "issued_by" else set(wanted)) != current[key]:
            changed.append(key)
    return changed


def _position(link):
    return link.position


def plan(records):
    by_url, by_title = _existing_items(records)
    actions, claimed = [], {}
    for record in records:
        item, note = _match(record, by_url, by_title)
        if item is not None and item.pk in claimed:
            item, note = None, f"matches the same existing item as record {claimed[item.pk]}"
        elif item is not None:
            claimed[item.pk] = record.number
        if note:
            actions.append(Action(SKIP, record, note=note))
        elif item is None:
            actions.append(Action(CREATE, record))
        else:
            changed = _changes(record, item)
            outcome = UPDATE if changed else UNCHANGED
            actions.append(Action(outcome, record, item, note=", ".join(changed)))
    return actions


# --- Step 3: apply ---------------------------------------------------------------------------


def _create_missing_taxonomy(missing):
    if missing["fields_of_work"]:
        slugs = SlugAllocator(FieldOfWork.objects.values_list("slug", flat=True), 120, "field")
        position = FieldOfWork.objects.aggregate(last=Max("position"))["last"] or 0
        for offset, record in enumerate(missing["fields_of_work"], start=1):
            record.slug, record.position = slugs.allocate(record.name), position + offset
            record.save()
    if missing["countries"]:
        slugs = SlugAllocator(Country.objects.values_list("slug", flat=True), 100, "country")
        for record in missing["countries"]:
            record.slug = slugs.allocate(record.name)
            record.save()
    if missing["structures"]:
        slugs = SlugAllocator(Structure.objects.values_list("slug", flat=True), 200, "structure")
        for record in missing["structures"]:
            record.slug = slugs.allocate(record.name)
            record.save()


def apply(actions, missing, progress):
    """Write the plan. The caller wraps this in a transaction."""
    _create_missing_taxonomy(missing)
    slugs = SlugAllocator(NewsItem.objects.values_list("slug", flat=True), 255, "news")
    written = []
    for action in progress(actions, "Importing"):
        if action.outcome == CREATE:
            item = NewsItem(**{"status": Status.PUBLISHED, **action.record.values})
            item.slug = slugs.allocate(action.record.title)
            item.save()
        elif action.outcome == UPDATE:
            item = action.item
            for key, value in action.record.values.items():
                setattr(item, key, value)
            item.save()
        else:
            continue
        written.append((item, action.record.relations))
    _write_relations(written)


def _write_relations(written):
    """Replace the relations each written record names, in batched queries. Bulk writes send
    no signals; the items' own saves in the same transaction move the content state, once, at
    the commit that makes these rows visible too."""
    issuers, fields_of_work, countries = [], [], []
    replaced = {"issued_by": [], "fields_of_work": [], "countries": []}
    for item, relations in written:
        for key in relations:
            replaced[key].append(item.pk)
        issuers += [
            NewsItemIssuer(news_item=item, structure=structure, position=position)
            for position, structure in enumerate(relations.get("issued_by", ()))
        ]
        fields_of_work += [
            NewsItem.fields_of_work.through(newsitem=item, fieldofwork=record)
            for record in relations.get("fields_of_work", ())
        ]
        countries += [
            NewsItem.countries.through(newsitem=item, country=record)
            for record in relations.get("countries", ())
        ]
    through_tables = (
        (NewsItemIssuer, "news_item_id", "issued_by", issuers),
        (NewsItem.fields_of_work.through, "newsitem_id", "fields_of_work", fields_of_work),
        (NewsItem.countries.through, "newsitem_id", "countries", countries),
    )
    for model, item_column, key, rows in through_tables:
        for chunk in _chunks(replaced[key]):
            model.objects.filter(**{f"{item_column}__in": chunk}).delete()
        model.objects.bulk_create(rows, batch_size=BATCH_SIZE)


# --- The whole import --------------------------------------------------------------------------


@dataclass
class ImportResult:
    counts: dict
    created_taxonomy: dict
    skipped: list  # (record number, reason)
    dry_run: bool


def _no_progress(iterable, description):
    return iterable


def import_news(path, *, create_missing=False, dry_run=False, progress=_no_progress):
    """Check, plan and (unless `dry_run`) apply the import of `path`.

    `progress(iterable, description)` wraps each long loop (the command passes a progress bar).
    Raises `ImportFailed` listing every problem; then nothing has been written.
    """
    data = read_records(path)
    context = Context(TaxonomyNames.load(), create_missing)
    records = check_records(data, context, progress)
    with transaction.atomic():
        actions = plan(records)
        if not dry_run:
            apply(actions, context.missing, progress)
    counts = dict.fromkeys((CREATE, UPDATE, UNCHANGED, SKIP), 0)
    for action in actions:
        counts[action.outcome] += 1
    created_taxonomy = {
        kind: [record.name for record in records] for kind, records in context.missing.items()
    }
    skipped = [(a.record.number, a.note) for a in actions if a.outcome == SKIP]
    return ImportResult(counts, created_taxonomy, skipped, dry_run)
