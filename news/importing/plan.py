"""Step 2, plan: what each clean record does to the database, decided before any write."""

from dataclasses import dataclass, field

from django.db import models

from news.importing.check import CleanRecord
from news.importing.problems import ImportFailed, Problem
from news.importing.values import language_codes

BATCH_SIZE = 500
CREATE, UPDATE, UNCHANGED, SKIP = "created", "updated", "unchanged", "skipped"


@dataclass
class Action:
    outcome: str
    record: CleanRecord
    item: models.Model | None = None
    note: str = ""
    changed: list = field(default_factory=list)  # what an update changes: columns, relations


def chunks(sequence, size=BATCH_SIZE):
    for start in range(0, len(sequence), size):
        yield sequence[start : start + size]


def _existing_items(records, kind):
    """Items the records may match, with their relations, in a few queries per 500 records."""
    date_key = kind.date_key
    urls = sorted({record.identity for record in records if record.identity})
    pairs = {(record.language, record.title, record.values[date_key]) for record in records}
    found = {}
    queryset = kind.model.objects.prefetch_related(*kind.prefetch())
    for chunk in chunks(urls):
        found.update((item.pk, item) for item in queryset.filter(source_url__in=chunk))
    for language in {language for language, _title, _date in pairs}:
        in_language = sorted((t, d) for code, t, d in pairs if code == language)
        for chunk in chunks(in_language):
            titles = {title for title, _ in chunk}
            dates = {day for _, day in chunk}
            candidates = queryset.filter(
                **{f"title_{language}__in": titles, f"{date_key}__in": dates}
            )
            found.update(
                (item.pk, item)
                for item in candidates
                if (language, getattr(item, f"title_{language}"), getattr(item, date_key)) in pairs
            )
    by_url, by_title = {}, {}
    for item in found.values():
        if item.source_url:
            by_url[item.source_url] = item
        for code in language_codes():
            title = getattr(item, f"title_{code}")
            if title:
                by_title.setdefault((code, title, getattr(item, date_key)), []).append(item)
    return by_url, by_title


def _match(record, by_url, by_title, date_key):
    """The existing item a record describes: its source_url's, else the one item with its
    title and date (one without a source_url of its own when the record has one)."""
    url = record.identity
    if url and url in by_url:
        return by_url[url], ""
    candidates = by_title.get((record.language, record.title, record.values[date_key]), [])
    if url:
        candidates = [item for item in candidates if not item.source_url]
    if len(candidates) > 1:
        ids = ", ".join(str(item.pk) for item in sorted(candidates, key=lambda i: i.pk))
        return None, f"title and {date_key} match several existing items (ids {ids}); skipped"
    return (candidates[0] if candidates else None), ""


def _changes(record, item, kind):
    """Names of what the record would change on `item`."""
    changed = [key for key, value in record.values.items() if getattr(item, key) != value]
    relations = kind.relation_keys
    for key, records in record.relations.items():
        relation = relations[key]
        wanted = [related.pk for related in records]
        if None in wanted or (wanted if relation.ordered else set(wanted)) != relation.current(
            item
        ):
            changed.append(key)
    extras = kind.extra_keys
    changed += [key for key, value in record.extras.items() if extras[key].changes(value, item)]
    return changed


def _unique_conflicts(actions, kind):
    """A unique value (a project number, a symbol) that an item other than the record's own
    already holds: a problem of the record, found before anything is written."""
    problems = []
    for key, column, normalise in kind.unique:
        wanted = {}
        for action in actions:
            value = normalise(action.record.values.get(key) or "")
            if value and action.outcome != SKIP:
                wanted[value] = action
        holders = {}
        for chunk in chunks(sorted(wanted)):
            holders.update(
                kind.model.objects.filter(**{f"{column}__in": chunk}).values_list(column, "pk")
            )
        for value, action in wanted.items():
            holder = holders.get(value)
            if holder is not None and (action.item is None or action.item.pk != holder):
                message = f"another {kind.model._meta.verbose_name} (id {holder}) has this {key}"
                record = action.record
                problems.append(Problem(message, record.number, key, unit=record.unit))
    return sorted(problems, key=lambda problem: problem.record)


def plan(records, kind):
    """What each record does, or `ImportFailed` when one would take a unique value another
    item holds."""
    by_url, by_title = _existing_items(records, kind)
    actions, claimed = [], {}
    for record in records:
        item, note = _match(record, by_url, by_title, kind.date_key)
        if item is not None and item.pk in claimed:
            first = f"{record.unit} {claimed[item.pk]}"
            item, note = None, f"matches the same existing item as {first}"
        elif item is not None:
            claimed[item.pk] = record.number
        if note:
            actions.append(Action(SKIP, record, note=note))
        elif item is None:
            actions.append(Action(CREATE, record))
        else:
            changed = _changes(record, item, kind)
            outcome = UPDATE if changed else UNCHANGED
            actions.append(Action(outcome, record, item, ", ".join(changed), changed))
    problems = _unique_conflicts(actions, kind)
    if problems:
        raise ImportFailed(problems)
    return actions
