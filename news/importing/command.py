"""The import commands' shared body (`import_news`, `import_projects`, `import_documents`):
the same options, progress bar, list of problems and summary for every kind."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from news.importing.problems import ImportFailed
from news.importing.run import run_import

TAXONOMY_LABELS = {
    "fields_of_work": "fields of work",
    "countries": "countries",
    "structures": "structures",
    "donors": "donors",
}


class ImportCommand(BaseCommand):
    """A subclass sets `help` and `kind()`, the `news.importing.kinds.Kind` it imports."""

    def kind(self):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="Path to the JSON file (a CSV file when its name ends in .csv)."
        )
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help=f"Create unknown {self.kind().created_label} instead of failing.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, but write nothing."
        )
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USERNAME",
            help=(
                "Record the items' revisions and history as this user (default: the inactive "
                '"import" user, created when first needed).'
            ),
        )

    def handle(self, *args, file, create_missing, dry_run, username, verbosity, **options):
        show_progress = verbosity > 0 and sys.stderr.isatty()

        def progress(iterable, description):
            return tqdm(
                iterable,
                desc=description,
                unit="record",
                file=sys.stderr,
                disable=not show_progress,
                leave=False,
            )

        try:
            result = run_import(
                self.kind(),
                file,
                create_missing=create_missing,
                dry_run=dry_run,
                progress=progress,
                username=username,
            )
        except ImportFailed as failure:
            report = self.failure_report(file, failure.problems, self.kind().created_label)
            raise CommandError(report) from None
        for where, reason in result.skipped:
            self.stderr.write(self.style.WARNING(f"{where}: {reason}"))
        summary = self.summary(result)
        if dry_run:
            self.stdout.write(f"Dry run of {file} (nothing written): {summary}")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {file}: {summary}"))

    @staticmethod
    def failure_report(file, problems, created_label):
        if all(problem.record is None for problem in problems):
            return "\n".join(str(problem) for problem in problems)
        plural = "s" if len(problems) != 1 else ""
        heading = f"{file}: {len(problems)} problem{plural}; nothing was imported."
        lines = [heading, *(f"  {problem}" for problem in problems)]
        if any(problem.unknown_name for problem in problems):
            lines.append(
                "Check the spelling, or run again with --create-missing to create the "
                f"unknown {created_label}."
            )
        return "\n".join(lines)

    @staticmethod
    def summary(result):
        counts = result.counts
        summary = (
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['skipped']} skipped."
        )
        created = [
            f"{TAXONOMY_LABELS[kind]}: {', '.join(names)}"
            for kind, names in result.created_taxonomy.items()
            if names
        ]
        if created:
            summary += (" Would create " if result.dry_run else " Created ") + "; ".join(created)
            summary += "."
        return summary
