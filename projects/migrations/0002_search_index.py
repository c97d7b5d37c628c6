"""The projects' full-text indexes, one per language (search.schema), as news items have
them: title (A), summary (B) and the description's plain text (C)."""

from django.db import migrations


def create(apps, schema_editor):
    from search.schema import ensure_search_schema

    ensure_search_schema(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial"), ("news", "0006_search_per_language")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop, elidable=False)]
