"""Rebuild the full-text indexes from the tables.

Day to day the indexes follow every write by themselves (generated columns on PostgreSQL,
triggers on SQLite); this is for restores from raw dumps or after changing the tokenizer.
Then it refreshes the planner's statistics on the indexed tables (`core.planner_statistics`):
a repair on PostgreSQL has just added their generated columns. SQLite's FTS5 tables are
virtual: its planner keeps no statistics on them, nor needs any.
"""

from django.core.management.base import BaseCommand
from django.db import connection

from core.planner_statistics import analyze_tables
from search.schema import ensure_search_schema, indexed_tables, rebuild_search_index


class Command(BaseCommand):
    help = "Rebuild the full-text search indexes."

    def handle(self, *args, **options):
        repaired = ensure_search_schema(connection)
        rebuild_search_index(connection)
        analyze_tables(connection, list(indexed_tables()))
        names = ", ".join(f"{table} ({language})" for table, language in repaired)
        note = f"; recreated the index of {names}" if repaired else ""
        self.stdout.write(f"Search index rebuilt ({connection.vendor}{note}).")
