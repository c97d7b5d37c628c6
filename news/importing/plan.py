"""Step 2, plan: what each clean record does to the database, decided before any write."""

from dataclasses import dataclass, field

from news.importing.check import CleanRecord
from news.importing.values import language_codes
from news.models import NewsItem

BATCH_SIZE = 500
CREATE, UPDATE, UNCHANGED, SKIP = "created", "updated", "unchanged", "skipped"


@dataclass
class Action:
    outcome: str
    record: CleanRecord
    item: NewsItem | None = None
    note: str = ""
    changed: list = field(default_factory=list)  # what an update changes: columns, relations


def chunks(sequence, size=BATCH_SIZE):
    for start in range(0, len(sequence), size):
        yield sequence[start : start + size]


def _existing_items(records):
    """Items the records may match, with their relations, in a few queries per 500 records."""
    urls = sorted({record.identity for record in records if record.identity})
    pairs = {(record.language, record.title, record.values["issued_on"]) for record in records}
    found = {}
    queryset = NewsItem.objects.prefetch_related("issuers", "fields_of_work", "countries")
    for chunk in chunks(urls):
        found.update((item.pk, item) for item in queryset.filter(source_url__in=chunk))
    for language in {language for language, _title, _date in pairs}:
        in_language = sorted((t, d) for code, t, d in pairs if code == language)
        for chunk in chunks(in_language):
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
        for code in language_codes():
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
            actions.append(Action(outcome, record, item, ", ".join(changed), changed))
    return actions
