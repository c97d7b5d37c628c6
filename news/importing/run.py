"""The whole import: read, check, plan and (unless a dry run) apply, in one transaction; then
the planner's statistics on the tables it wrote (`core.planner_statistics`)."""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from core.planner_statistics import analyze
from news.importing.apply import apply
from news.importing.check import check_records
from news.importing.kinds import news_kind
from news.importing.names import Context
from news.importing.plan import CREATE, SKIP, UNCHANGED, UPDATE, plan
from news.importing.reading import read_csv_records, read_records
from news.importing.recording import named_user
from news.naming import TaxonomyNames


@dataclass
class ImportResult:
    counts: dict
    created_taxonomy: dict
    skipped: list  # ("record 3" / "line 4", reason)
    dry_run: bool


def _no_progress(iterable, description):
    return iterable


def run_import(
    kind, path, *, create_missing=False, dry_run=False, progress=_no_progress, username=None
):
    """Check, plan and (unless `dry_run`) apply the import of `path` (a JSON list, or a CSV
    table when its name ends in .csv) as records of `kind` (`news.importing.kinds`), as the
    user named `username` or else the import user (`news.importing.recording`).

    `progress(iterable, description)` wraps each long loop (the command passes a progress bar).
    Raises `ImportFailed` listing every problem; then nothing has been written.
    """
    user = named_user(username) if username is not None else None
    numbers, unit = None, "record"
    if Path(path).suffix.lower() == ".csv":
        list_keys = {key for key, spec in kind.keys.items() if spec.relation}
        (data, numbers), unit = read_csv_records(path, list_keys), "line"
    else:
        data = read_records(path, kind.noun)
    context = Context(
        TaxonomyNames.load(),
        create_missing,
        indexes=kind.load_indexes(),
        folder=Path(path).parent,
    )
    context.missing.update({name: [] for name in kind.created})
    records = check_records(data, context, progress, kind, numbers, unit)
    with transaction.atomic():
        actions = plan(records, kind)
        if not dry_run:
            apply(actions, context.missing, progress, user, str(path), kind)
    if not dry_run:
        analyze(*kind.tables())
    counts = dict.fromkeys((CREATE, UPDATE, UNCHANGED, SKIP), 0)
    for action in actions:
        counts[action.outcome] += 1
    created_taxonomy = {
        name: [record.name for record in records] for name, records in context.missing.items()
    }
    skipped = [(f"{a.record.unit} {a.record.number}", a.note) for a in actions if a.outcome == SKIP]
    return ImportResult(counts, created_taxonomy, skipped, dry_run)


def import_news(path, **options):
    """`run_import` of news items (`manage.py import_news`)."""
    return run_import(news_kind(), path, **options)
