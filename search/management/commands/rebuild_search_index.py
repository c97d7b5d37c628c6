"""Rebuild the full-text indexes from the tables.

Day to day the indexes follow every write by themselves (generated columns on PostgreSQL,
triggers on SQLite); this is for restores from raw dumps or after changing the tokenizer.
"""

from django.core.management.base import BaseCommand
from django.db import connection

from search.schema import ensure_search_schema, rebuild_search_index


class Command(BaseCommand):
    help = "Rebuild the full-text search indexes."

    def handle(self, *args, **options):
        repaired = ensure_search_schema(connection)
        rebuild_search_index(connection)
        names = ", ".join(f"{table} ({language})" for table, language in repaired)
        note = f"; recreated the index of {names}" if repaired else ""
        self.stdout.write(f"Search index rebuilt ({connection.vendor}{note}).")
