"""The database side of full-text search: what is indexed, with which weight, per vendor.

The indexes are invisible to the ORM (no model field) because their shape differs per
database; `search.backends` is the only code that queries them.
"""

from django.apps import apps
from django.db import DatabaseError, transaction


def indexed_tables():
    """Table -> indexed columns with their PostgreSQL weight (A ranks highest), from every
    model that declares `full_text_fields`: each column is translated (title_en, title_ru, ...)
    and every language has an index of its own over its own columns."""
    return {
        model._meta.db_table: list(model.full_text_fields)
        for model in apps.get_models()
        if getattr(model, "full_text_fields", None)
    }


# PostgreSQL's Snowball stemmer per language; our configurations copy it and strip accents.
PG_BASE_CONFIGS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "ru": "russian",
    "es": "spanish",
}
# SQLite's FTS5 stems English only (porter); other languages match whole words.
FTS_TOKENIZERS = {"en": "porter unicode61 remove_diacritics 2"}
FTS_DEFAULT_TOKENIZER = "unicode61 remove_diacritics 2"


def languages():
    return list(PG_BASE_CONFIGS)


def pg_config(language):
    return f"osce_{PG_BASE_CONFIGS[language]}"


def vector_column(language):
    return f"search_vector_{language}"


def fts_table(table, language):
    return f"{table}_fts_{language}"


def columns(table, language):
    """The indexed columns of `table` in `language`, with their weights."""
    return [(f"{column}_{language}", weight) for column, weight in indexed_tables()[table]]


def _create_pg_configs(cursor):
    try:
        with transaction.atomic():
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        has_unaccent = True
    except DatabaseError:  # a managed database may refuse extensions
        has_unaccent = False
    for language, base in PG_BASE_CONFIGS.items():
        name = pg_config(language)
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [name])
        if cursor.fetchone() is not None:
            continue
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        if has_unaccent:
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} "
                f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}_stem"
            )


def _create_postgresql(cursor, tables=None, langs=None):
    with transaction.atomic():
        _create_pg_configs(cursor)
        for table in tables or indexed_tables():
            for language in langs or languages():
                config = pg_config(language)
                vector = " || ".join(
                    f"setweight(to_tsvector('{config}'::regconfig, coalesce({column}, '')), "
                    f"'{weight}')"
                    for column, weight in columns(table, language)
                )
                cursor.execute(
                    f"ALTER TABLE {table} ADD COLUMN {vector_column(language)} tsvector "
                    f"GENERATED ALWAYS AS ({vector}) STORED"
                )
                cursor.execute(
                    f"CREATE INDEX {table}_search_{language} ON {table} "
                    f"USING gin ({vector_column(language)})"
                )


def _create_sqlite_index(cursor, table, language):
    names = ", ".join(column for column, _ in columns(table, language))
    new_values = ", ".join(f"new.{column}" for column, _ in columns(table, language))
    old_values = ", ".join(f"old.{column}" for column, _ in columns(table, language))
    fts = fts_table(table, language)
    tokenizer = FTS_TOKENIZERS.get(language, FTS_DEFAULT_TOKENIZER)
    cursor.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='id', tokenize='{tokenizer}')"
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


def _drop_sqlite_index(cursor, fts):
    for suffix in ("insert", "delete", "update"):
        cursor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
    cursor.execute(f"DROP TABLE IF EXISTS {fts}")


def _create_sqlite(cursor, indexes=None):
    for table, language in indexes or _all_indexes():
        _create_sqlite_index(cursor, table, language)


def _all_indexes():
    return [(table, language) for table in indexed_tables() for language in languages()]


def _sqlite_objects(cursor):
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    return {name for (name,) in cursor.fetchall()}


def _pg_has_vector(cursor, table, language):
    cursor.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
        [table, vector_column(language)],
    )
    return cursor.fetchone() is not None


def ensure_search_schema(connection):
    """Recreate whatever a later migration lost. On SQLite, altering a table the hard way
    (Django rebuilds it for many schema changes) drops its triggers without a word, and search
    would silently stop following edits; this runs after every `migrate` to repair that.
    Returns the (table, language) indexes it repaired."""
    repaired = []
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            existing = _sqlite_objects(cursor)
            for table, language in _all_indexes():
                fts = fts_table(table, language)
                wanted = {fts, f"{fts}_insert", f"{fts}_delete", f"{fts}_update"}
                if table in existing and not wanted <= existing:
                    _drop_sqlite_index(cursor, fts)
                    repaired.append((table, language))
            if repaired:
                _create_sqlite(cursor, repaired)
        elif connection.vendor == "postgresql":
            tables = set(_existing_tables(connection))
            repaired = [
                (table, language)
                for table, language in _all_indexes()
                if table in tables and not _pg_has_vector(cursor, table, language)
            ]
            for table, language in repaired:
                _create_postgresql(cursor, tables=[table], langs=[language])
    return repaired


def _existing_tables(connection):
    """The indexed tables the database has: a migration that creates the indexes runs before
    the migrations of content apps added later, whose tables do not exist yet (their own
    migration creates their indexes, `create_table_search_schema`)."""
    present = set(connection.introspection.table_names())
    return [table for table in indexed_tables() if table in present]


def create_search_schema(apps, schema_editor):
    connection = schema_editor.connection
    tables = _existing_tables(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and tables:
            _create_postgresql(cursor, tables=tables)
        elif connection.vendor == "sqlite":
            _create_sqlite(cursor, [(t, lang) for t in tables for lang in languages()])


def create_table_search_schema(table):
    """A migration operation's function: the indexes of one content table added later."""

    def create(apps, schema_editor):
        connection = schema_editor.connection
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                _create_postgresql(cursor, tables=[table])
            elif connection.vendor == "sqlite":
                _create_sqlite(cursor, [(table, lang) for lang in languages()])

    return create


def drop_table_search_schema(table):
    def drop(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        with schema_editor.connection.cursor() as cursor:
            for language in languages():
                if vendor == "postgresql":
                    cursor.execute(
                        f"ALTER TABLE {table} DROP COLUMN IF EXISTS {vector_column(language)}"
                    )
                elif vendor == "sqlite":
                    _drop_sqlite_index(cursor, fts_table(table, language))

    return drop


def drop_search_schema(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    tables = _existing_tables(schema_editor.connection)
    with schema_editor.connection.cursor() as cursor:
        for table, language in ((t, lang) for t in tables for lang in languages()):
            if vendor == "postgresql":
                cursor.execute(
                    f"ALTER TABLE {table} DROP COLUMN IF EXISTS {vector_column(language)}"
                )
            elif vendor == "sqlite":
                _drop_sqlite_index(cursor, fts_table(table, language))


def drop_single_language_schema(apps, schema_editor):
    """The indexes before translation (one English index over `title`, `teaser`, ...)."""
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        for table in _existing_tables(schema_editor.connection):
            if vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
            elif vendor == "sqlite":
                _drop_sqlite_index(cursor, f"{table}_fts")


def rebuild_search_index(connection):
    """Re-derive every index entry (the `rebuild_search_index` command). PostgreSQL's
    generated columns cannot drift, so only SQLite's FTS tables need it."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table, language in _all_indexes():
                fts = fts_table(table, language)
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


# The migration that made the per-language indexes; before it, there is nothing to repair.
PER_LANGUAGE_MIGRATION = ("news", "0006_search_per_language")


def repair_after_migrate(sender, using, **kwargs):
    """post_migrate handler: `ensure_search_schema` once the per-language search migration
    is applied."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    connection = connections[using]
    applied = MigrationRecorder(connection).applied_migrations()
    if PER_LANGUAGE_MIGRATION in applied:
        ensure_search_schema(connection)
