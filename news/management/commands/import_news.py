"""`manage.py import_news FILE.json [--create-missing] [--dry-run] [--as USERNAME]`: see
`news.importing`."""

from news.importing.command import ImportCommand
from news.importing.kinds import news_kind


class Command(ImportCommand):
    help = (
        "Import news items from a JSON list of records (title, issued_on, issued_by, "
        "fields_of_work, countries, type, teaser, body, source_url, status, publish_at). Every "
        "problem is listed with its record number (1 = first) and nothing is written unless "
        "the whole file is valid. Re-importing the same file changes nothing."
    )

    def kind(self):
        return news_kind()
