"""Writing the demo's rows: PostgreSQL `COPY`, `bulk_create` elsewhere.

Timed by phase (`seed_demo` 10,000 items on PostgreSQL, 2 shared cores at load ~8): 27 of
40 s went to `bulk_create` of the items — Django's `pre_save` and `get_db_prep_save` on 65
columns per item (most of them a plain attribute read), psycopg quoting the UNNEST arrays
client-side, and the server computing six tsvectors per row while Python waited. `COPY` takes
the values as they are, only the columns that compute something on save (sanitised HTML, its
plain text, the image file, the timestamps, JSON) go through their field, and the server works
on the rows already sent while Python makes the next ones."""

import operator
from contextlib import contextmanager

from django.db import models

# Fields whose `pre_save` and `get_db_prep_save` return the attribute as it is, for the Python
# values the generators store (str, bool, int, date, aware datetime, None).
_PLAIN = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.DateField,
    models.ForeignKey,
)
_DEFAULT_PRE_SAVE = {
    models.Field.pre_save,
    models.DateField.pre_save,
    models.DateTimeField.pre_save,
}


def _is_plain(field):
    return (
        isinstance(field, _PLAIN)
        and not isinstance(field, models.FileField)
        and type(field).pre_save in _DEFAULT_PRE_SAVE
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    )


def _getter(field, connection):
    if _is_plain(field):
        return operator.attrgetter(field.attname)

    def prepared(obj):
        return field.get_db_prep_save(field.pre_save(obj, True), connection)

    return prepared


class CopyWriter:
    """PostgreSQL: primary keys drawn from the table's sequence up front, rows by `COPY`."""

    def __init__(self, connection):
        self.connection = connection
        self._getters = {}

    def objects(self, model, count, objs):
        """Insert `count` model instances from the iterable `objs`, setting their primary
        keys as `bulk_create` would. `objs` is consumed while the rows stream to the server,
        so that PostgreSQL computes the search vectors of the rows sent while Python makes
        the next ones (two processes, two cores)."""
        if model not in self._getters:
            fields = [field for field in model._meta.concrete_fields if not field.generated]
            self._getters[model] = (
                [field.column for field in fields],
                [_getter(field, self.connection) for field in fields],
            )
        columns, getters = self._getters[model]
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [model._meta.db_table, model._meta.pk.column, count],
            )
            keys = [value for (value,) in cursor.fetchall()]

        def rows():
            for obj, key in zip(objs, keys, strict=True):
                obj.pk = key
                yield [get(obj) for get in getters]

        self._copy(model, columns, rows())

    def rows(self, model, columns, rows):
        """Insert tuples of `columns` values (relation rows: no instances needed)."""
        self._copy(model, [model._meta.get_field(name).column for name in columns], rows)

    def _copy(self, model, columns, rows):
        quote = self.connection.ops.quote_name
        sql = f"COPY {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) FROM STDIN"
        with self.connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


class BulkWriter:
    """Other databases: `bulk_create` (SQLite writes 100,000 items in under three minutes)."""

    def objects(self, model, count, objs):
        model.objects.bulk_create(list(objs), batch_size=500)

    def rows(self, model, columns, rows):
        model.objects.bulk_create(
            [model(**dict(zip(columns, row, strict=True))) for row in rows], batch_size=2000
        )


@contextmanager
def foreign_keys_checked_once(connection, models_written):
    """PostgreSQL checks each inserted row's foreign keys with a trigger, one index probe per
    key, queued until the commit (Django declares them deferred): at 1,000,000 items the link
    rows' five million checks made the commit take minutes. Dropped for the load and added
    back with the same definition, each constraint is checked by one join over the table.
    The load's transaction holds the tables' locks meanwhile, and a failure rolls the drop
    back with everything else."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in models_written]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # The checks the transaction's deletes queued run now: a table with pending trigger
        # events cannot be altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])",
            [tables],
        )
        constraints = cursor.fetchall()
        for table, name, _definition in constraints:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
    yield
    with connection.cursor() as cursor:
        for table, name, definition in constraints:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")


def writer_for(connection):
    return CopyWriter(connection) if connection.vendor == "postgresql" else BulkWriter()
