"""`manage.py import_documents FILE.json [--create-missing] [--dry-run] [--as USERNAME]`: see
`documents.importing`."""

from documents.importing import document_kind
from news.importing.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import documents from a JSON list of records (title, publication_date, document_type, "
        "symbol, issued_by, fields_of_work, countries, summary, files, external_url, "
        "source_url, status, publish_at, language, translations); files are PDFs by language, "
        "paths relative to the file. Every problem is listed with its record number (1 = "
        "first) and nothing is written unless the whole file is valid. Re-importing the same "
        "file changes nothing."
    )

    def kind(self):
        return document_kind()
