"""Which tables the query planner has statistics on, for the tests of the commands that refresh
them after a bulk write (seed_demo, import_news, rebuild_search_index)."""

from django.db import connection


def analysed_tables(tables):
    """Those of `tables` the planner has statistics on (rows in this transaction count)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT tablename FROM pg_stats "
                "WHERE schemaname = current_schema() AND tablename = ANY(%s)",
                [list(tables)],
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
            )
            if not cursor.fetchone():
                return set()
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {table for (table,) in cursor.fetchall()} & set(tables)
