"""Step 1, check: every record cleaned, or every problem in the file at once."""

from dataclasses import dataclass, field
from functools import partial

from django.conf import settings

from news.importing.problems import ImportFailed, Invalid, Problem, json_type
from news.importing.reading import unreadable_parts


@dataclass
class CleanRecord:
    number: int
    values: dict  # column -> cleaned value, only for keys the record has
    relations: dict  # relation key ("issued_by", "fields_of_work"…) -> list of records
    language: str = settings.LANGUAGE_CODE  # the language of the record's own title
    extras: dict = field(default_factory=dict)  # `Kind.extras` key -> cleaned value
    unit: str = "record"  # what `number` counts (`Problem.unit`)

    @property
    def identity(self):
        return self.values.get("source_url") or None

    @property
    def title(self):
        return self.values[f"title_{self.language}"]


def _in_columns(values, translated_keys):
    """Move the record's texts into their languages' columns (title -> title_ru) and mark
    the item published in each; returns the values and the record's language."""
    language = values.pop("language", settings.LANGUAGE_CODE)
    translations = values.pop("translations", {})
    for key in translated_keys:
        if key in values:
            values[f"{key}_{language}"] = values.pop(key)
    for code, texts in translations.items():
        for key, value in texts.items():
            values[f"{key}_{code}"] = value
    for code in {language, *translations}:
        values[f"in_language_{code}"] = True
    return values, language


def check_records(data, context, progress, kind, numbers=None, unit="record"):
    """Clean every record as `kind` (`news.importing.kinds`) describes it; return the clean
    records or raise `ImportFailed` with every problem in the file. A record is named by its
    `unit` and number: its place in the list (from 1), or `numbers` (a CSV row's line)."""
    at = partial(Problem, unit=unit)
    keys, extras = kind.keys, kind.extra_keys
    problems, records = [], []
    for index, raw in enumerate(progress(data, "Checking")):
        number = numbers[index] if numbers else index + 1
        if not isinstance(raw, dict):
            problems.append(at(f"must be an object, not {json_type(raw)}", number))
            continue
        repeated, not_text = unreadable_parts(raw)
        record_problems = [at(message, number, where) for where, message in repeated]
        if not_text:
            # Its other checks would quote what is not text back to the editor.
            problems += record_problems
            problems += [at(message, number, where) for where, message in not_text]
            continue
        record_problems += [
            at("unknown key (allowed: " + ", ".join(keys) + ")", number, key)
            for key in raw
            if key not in keys
        ]
        values, relations, extra = {}, {}, {}
        for key, spec in keys.items():
            if key not in raw or (raw[key] is None and not spec.required):
                if spec.required:
                    record_problems.append(at("is required", number, key))
                continue
            try:
                cleaned = spec.clean(raw[key], context)
            except Invalid as error:
                record_problems += [
                    at(message, number, key, error.unknown_names) for message in error.messages
                ]
                continue
            target = relations if spec.relation else extra if key in extras else values
            target[key] = cleaned
        if values.get("language") and values.get("language") in values.get("translations", {}):
            record_problems.append(at("repeats the record's own language", number, "translations"))
        if not record_problems:
            record_problems += [
                at(message, number, key) for key, message in kind.validate(values, relations)
            ]
        problems += record_problems
        if not record_problems:
            values, language = _in_columns(values, kind.translated_keys)
            records.append(CleanRecord(number, values, relations, language, extra, unit))
    problems += _duplicates(records, kind.date_key)
    problems += _same_unique_values(records, kind.unique)
    if problems:
        raise ImportFailed(problems)
    return records


def _duplicates(records, date_key):
    """Two records of one file must not describe the same item."""
    problems, by_url, by_title = [], {}, {}
    for record in records:
        url = record.identity
        title_key = (record.language, record.title.casefold(), record.values[date_key])
        if url:
            first = by_url.setdefault(url, record.number)
            if first != record.number:
                problems.append(
                    Problem(
                        f"same source_url as {record.unit} {first}",
                        record.number,
                        "source_url",
                        unit=record.unit,
                    )
                )
                continue
        first = by_title.get(title_key)
        if first and (not url or not first[1]):
            problems.append(
                Problem(
                    f"same title and {date_key} as {record.unit} {first[0]}; give each a "
                    "source_url",
                    record.number,
                    "title",
                    unit=record.unit,
                )
            )
        by_title.setdefault(title_key, (record.number, url))
    return problems


def _same_unique_values(records, unique):
    """Two records of one file must not give one unique value (a project number, a symbol)."""
    problems = []
    for key, _column, normalise in unique:
        first_with = {}
        for record in records:
            value = normalise(record.values.get(key) or "")
            if not value:
                continue
            first = first_with.setdefault(value, record.number)
            if first != record.number:
                message = f"same {key} as {record.unit} {first}"
                problems.append(Problem(message, record.number, key, unit=record.unit))
    return problems
