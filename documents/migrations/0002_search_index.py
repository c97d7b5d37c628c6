"""The documents' full-text indexes, one per language (search.schema): title (A), summary
(B) and the text of the document's PDF in that language (D)."""

from django.db import migrations

from search.schema import create_table_search_schema, drop_table_search_schema


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial"), ("news", "0006_search_per_language")]

    operations = [
        migrations.RunPython(
            create_table_search_schema("documents_document"),
            drop_table_search_schema("documents_document"),
            elidable=False,
        )
    ]
