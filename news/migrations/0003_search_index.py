"""Full-text search indexes, one per database vendor (see news/search/).

PostgreSQL: a weighted tsvector kept by the database as a stored generated column, with a GIN
index, under a text-search configuration that also strips accents.
SQLite: an FTS5 table over the same columns, kept in sync by triggers (so `bulk_create`,
`update()` and raw SQL stay indexed too).

This is the English-only index of the site before translation; 0006 replaces it with one
index per language. Its code is frozen here so the migration keeps meaning what it meant.
"""

from django.db import DatabaseError, migrations, transaction

TABLES = {
    "news_newsitem": [("title", "A"), ("teaser", "B"), ("body_text", "C")],
    "news_meeting": [("title", "A"), ("place", "B"), ("description_text", "C")],
}


def create(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
                    has_unaccent = True
                except DatabaseError:
                    has_unaccent = False
                cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'osce_english'")
                if cursor.fetchone() is None:
                    cursor.execute("CREATE TEXT SEARCH CONFIGURATION osce_english (COPY = english)")
                    if has_unaccent:
                        cursor.execute(
                            "ALTER TEXT SEARCH CONFIGURATION osce_english ALTER MAPPING FOR "
                            "hword, hword_part, word WITH unaccent, english_stem"
                        )
                for table, columns in TABLES.items():
                    vector = " || ".join(
                        f"setweight(to_tsvector('osce_english'::regconfig, "
                        f"coalesce({column}, '')), '{weight}')"
                        for column, weight in columns
                    )
                    cursor.execute(
                        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
                        f"GENERATED ALWAYS AS ({vector}) STORED"
                    )
                    cursor.execute(
                        f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)"
                    )
        elif connection.vendor == "sqlite":
            for table, columns in TABLES.items():
                fts = f"{table}_fts"
                names = ", ".join(column for column, _ in columns)
                new = ", ".join(f"new.{column}" for column, _ in columns)
                old = ", ".join(f"old.{column}" for column, _ in columns)
                cursor.execute(
                    f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
                    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
                )
                cursor.execute(
                    f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
                    f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END"
                )
                cursor.execute(
                    f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
                    f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
                    "END"
                )
                cursor.execute(
                    f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN "
                    f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
                    f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END"
                )
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table in TABLES:
            if connection.vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
            elif connection.vendor == "sqlite":
                for suffix in ("insert", "delete", "update"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
                cursor.execute(f"DROP TABLE IF EXISTS {table}_fts")


class Migration(migrations.Migration):
    dependencies = [("news", "0002_plain_text_for_search")]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
