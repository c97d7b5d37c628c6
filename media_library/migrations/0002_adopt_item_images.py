"""Every image a news item or a project already shows becomes a library image
(media_library.adoption; documents 0007 does the same for document covers)."""

from django.db import migrations

from media_library import adoption

ITEM_MODELS = [("news", "NewsItem"), ("projects", "Project")]


def adopt(apps, schema_editor):
    adoption.adopt(apps, ITEM_MODELS)


def release(apps, schema_editor):
    adoption.release(apps, ITEM_MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("media_library", "0001_initial"),
        ("news", "0010_newsitem_library_image"),
        ("projects", "0004_project_library_image"),
    ]

    operations = [migrations.RunPython(adopt, release)]
