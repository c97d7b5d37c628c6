"""The database side of full-text search: what is indexed, with which weight, per vendor.

The indexes are invisible to the ORM (no model field) because their shape differs per
database; `news.search.backends` is the only code that queries them.
"""

from django.db import DatabaseError, transaction

# Table -> indexed columns with their PostgreSQL weight (A ranks highest).
INDEXED_TABLES = {
    "news_newsitem": [("title", "A"), ("teaser", "B"), ("body_text", "C")],
    "news_meeting": [("title", "A"), ("place", "B"), ("description_text", "C")],
}

# One text-search configuration per language; the multilingual work adds more.
PG_CONFIG = "osce_english"
PG_BASE_CONFIG = "english"
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def fts_table(table):
    return f"{table}_fts"


def _create_postgresql(cursor, tables=tuple(INDEXED_TABLES)):
    with transaction.atomic():
        try:
            with transaction.atomic():
                cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            has_unaccent = True
        except DatabaseError:  # a managed database may refuse extensions
            has_unaccent = False
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [PG_CONFIG])
        if cursor.fetchone() is None:
            cursor.execute(
                f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = {PG_BASE_CONFIG})"
            )
            if has_unaccent:
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG} "
                    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
                )
        for table in tables:
            columns = INDEXED_TABLES[table]
            vector = " || ".join(
                f"setweight(to_tsvector('{PG_CONFIG}'::regconfig, coalesce({column}, '')), "
                f"'{weight}')"
                for column, weight in columns
            )
            cursor.execute(
                f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
                f"GENERATED ALWAYS AS ({vector}) STORED"
            )
            cursor.execute(f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)")


def _create_sqlite(cursor, tables=tuple(INDEXED_TABLES)):
    for table in tables:
        columns = INDEXED_TABLES[table]
        fts = fts_table(table)
        names = ", ".join(column for column, _ in columns)
        new_values = ", ".join(f"new.{column}" for column, _ in columns)
        old_values = ", ".join(f"old.{column}" for column, _ in columns)
        cursor.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
            f"content_rowid='id', tokenize='{FTS_TOKENIZER}')"
        )
        cursor.execute(
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new_values}); END"
        )
        cursor.execute(
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old_values}); "
            "END"
        )
        cursor.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old_values}); "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new_values}); END"
        )
        cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _sqlite_objects(cursor):
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    return {name for (name,) in cursor.fetchall()}


def _pg_has_vector(cursor, table):
    cursor.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s "
        "AND column_name = 'search_vector'",
        [table],
    )
    return cursor.fetchone() is not None


def ensure_search_schema(connection):
    """Recreate whatever a later migration lost. On SQLite, altering a table the hard way
    (Django rebuilds it for many schema changes) drops its triggers without a word, and search
    would silently stop following edits; this runs after every `migrate` to repair that.
    Returns the names of the tables it repaired."""
    repaired = []
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            existing = _sqlite_objects(cursor)
            for table in INDEXED_TABLES:
                fts = fts_table(table)
                wanted = {fts, f"{fts}_insert", f"{fts}_delete", f"{fts}_update"}
                if table in existing and not wanted <= existing:
                    for suffix in ("insert", "delete", "update"):
                        cursor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
                    cursor.execute(f"DROP TABLE IF EXISTS {fts}")
                    repaired.append(table)
            if repaired:
                _create_sqlite(cursor, tables=repaired)
        elif connection.vendor == "postgresql":
            repaired = [t for t in INDEXED_TABLES if not _pg_has_vector(cursor, t)]
            if repaired:
                _create_postgresql(cursor, tables=repaired)
    return repaired


def create_search_schema(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "postgresql":
            _create_postgresql(cursor)
        elif vendor == "sqlite":
            _create_sqlite(cursor)


def drop_search_schema(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        for table in INDEXED_TABLES:
            if vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
            elif vendor == "sqlite":
                fts = fts_table(table)
                for suffix in ("insert", "delete", "update"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
                cursor.execute(f"DROP TABLE IF EXISTS {fts}")


def rebuild_search_index(connection):
    """Re-derive every index entry (the `rebuild_search_index` command). PostgreSQL's
    generated columns cannot drift, so only SQLite's FTS tables need it."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in INDEXED_TABLES:
                fts = fts_table(table)
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def repair_after_migrate(sender, using, **kwargs):
    """post_migrate handler: `ensure_search_schema` once the search migration is applied."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    connection = connections[using]
    if ("news", "0003_search_index") in MigrationRecorder(connection).applied_migrations():
        ensure_search_schema(connection)
