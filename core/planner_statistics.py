"""The query planner's statistics, refreshed after a bulk write (seed_demo, import_news,
rebuild_search_index).

A bulk load does not refresh them: until autovacuum next passes, PostgreSQL plans the listings
from stale row counts and, with no column statistics, default selectivities (the tables were
empty or held other content when it last looked). SQLite keeps no statistics until asked; with
them it chooses among the indexes by how selective they are.
"""

from django.db import connections, router


def analyze(*models):
    """Refresh the statistics of the models' tables, on the database they are written to."""
    connection = connections[router.db_for_write(models[0])]
    analyze_tables(connection, [model._meta.db_table for model in models])


def analyze_tables(connection, tables):
    """Refresh the statistics of `tables` (names) on `connection`; other databases keep none."""
    quoted = [connection.ops.quote_name(table) for table in tables]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(quoted)}")
        elif connection.vendor == "sqlite":
            for table in quoted:  # SQLite analyses one table per statement
                cursor.execute(f"ANALYZE {table}")
