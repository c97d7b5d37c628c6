"""Full-text search indexes, one per database vendor (see news/search/).

PostgreSQL: a weighted tsvector kept by the database as a stored generated column, with a GIN
index, under a text-search configuration that also strips accents.
SQLite: an FTS5 table over the same columns, kept in sync by triggers (so `bulk_create`,
`update()` and raw SQL stay indexed too).
"""

from django.db import migrations

from news.search.schema import create_search_schema, drop_search_schema


class Migration(migrations.Migration):
    dependencies = [("news", "0002_plain_text_for_search")]

    operations = [
        migrations.RunPython(create_search_schema, drop_search_schema, elidable=False),
    ]
