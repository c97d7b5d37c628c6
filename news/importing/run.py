"""The whole import: read, check, plan and (unless a dry run) apply, in one transaction."""

from dataclasses import dataclass

from django.db import transaction

from news.importing.apply import apply
from news.importing.check import check_records
from news.importing.names import Context
from news.importing.plan import CREATE, SKIP, UNCHANGED, UPDATE, plan
from news.importing.reading import read_records
from news.naming import TaxonomyNames


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
