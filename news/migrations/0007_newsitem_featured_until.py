"""A news item may lead the home page until a moment a publisher sets (nullable: a plain
ALTER TABLE on SQLite, which keeps the full-text search triggers)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "0006_search_per_language")]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="featured_until",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "Optional: the item leads the home page until this moment (the newest "
                    "featured item leads when there are several)."
                ),
                null=True,
                verbose_name="featured until",
            ),
        ),
        migrations.AddIndex(
            model_name="newsitem",
            index=models.Index(fields=["featured_until"], name="newsitem_featured_until"),
        ),
    ]
