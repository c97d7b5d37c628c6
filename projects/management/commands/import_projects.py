"""`manage.py import_projects FILE.json [--create-missing] [--dry-run] [--as USERNAME]`: see
`projects.importing`."""

from news.importing.command import ImportCommand
from projects.importing import project_kind


class Command(ImportCommand):
    help = (
        "Import projects from a JSON list of records (title, start_date, end_date, number, "
        "implemented_by, donors, beneficiary_countries, fields_of_work, funding, budget, "
        "summary, description, source_url, status, publish_at, language, translations). Every "
        "problem is listed with its record number (1 = first) and nothing is written unless "
        "the whole file is valid. Re-importing the same file changes nothing."
    )

    def kind(self):
        return project_kind()
