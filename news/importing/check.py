"""Step 1, check: every record cleaned, or every problem in the file at once."""

from dataclasses import dataclass

from django.conf import settings

from news.importing.problems import ImportFailed, Invalid, Problem, json_type
from news.importing.reading import unreadable_parts
from news.importing.values import KEYS, TRANSLATED_KEYS


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


def check_records(data, context, progress):
    """Clean every record; return the clean records or raise `ImportFailed` with every
    problem in the file."""
    problems, records = [], []
    for number, raw in enumerate(progress(data, "Checking"), start=1):
        if not isinstance(raw, dict):
            problems.append(Problem(f"must be an object, not {json_type(raw)}", number))
            continue
        repeated, not_text = unreadable_parts(raw)
        record_problems = [Problem(message, number, where) for where, message in repeated]
        if not_text:
            # Its other checks would quote what is not text back to the editor.
            problems += record_problems
            problems += [Problem(message, number, where) for where, message in not_text]
            continue
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
