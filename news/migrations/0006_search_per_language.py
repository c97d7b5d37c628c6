"""One full-text index per language over that language's columns (title_ru, ...), in place of
the English-only index of 0003: PostgreSQL stems each language with its own Snowball
configuration; SQLite stems English (porter) and matches whole words in the others."""

from django.db import migrations

from search.schema import (
    create_search_schema,
    drop_search_schema,
    drop_single_language_schema,
)


class Migration(migrations.Migration):
    dependencies = [("news", "0005_translations")]

    operations = [
        migrations.RunPython(drop_single_language_schema, migrations.RunPython.noop),
        migrations.RunPython(create_search_schema, drop_search_schema, elidable=False),
    ]
