"""Background tasks (django.tasks: django-tasks-db in development and production, run by
`manage.py db_worker`, which `./run serve` starts; the immediate backend in tests)."""

from django.tasks import task

from documents import extraction


@task
def extract_file_text(file_id):
    """Read the text of a document's PDF (documents.extraction)."""
    return extraction.extract(file_id)
