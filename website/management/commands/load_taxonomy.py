"""`manage.py load_taxonomy`: the organisation's real taxonomy, from the repository's data files.

Safe to run on every deploy: it creates what is missing, follows changes in the files for rows
nobody has touched, and never overwrites what an editor changed (see `website.taxonomy`).
"""

from django.core.management.base import BaseCommand, CommandError

from website.taxonomy.files import TaxonomyDataError
from website.taxonomy.loading import load_taxonomy


class Command(BaseCommand):
    help = (
        "Load countries, chairpersonships, structures, fields of work and meeting series from "
        "the data files. Idempotent; rows changed by editors are kept as they are."
    )

    def handle(self, *args, verbosity=1, **options):
        try:
            report = load_taxonomy()
        except TaxonomyDataError as error:
            raise CommandError(
                "The taxonomy was not loaded (nothing was written):\n  "
                + "\n  ".join(error.problems)
            ) from error
        for warning in report.warnings:
            if verbosity >= 1:
                self.stderr.write(self.style.WARNING(warning))
        if verbosity >= 2:
            for change in report.changes:
                self.stdout.write(f"  {change}")
        if verbosity >= 1:
            self.stdout.write("\n".join(report.lines()))
