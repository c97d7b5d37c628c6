"""Every cover a document already shows becomes a library image, as media_library 0002 did for
news items' and projects' pictures and by the same code (media_library.adoption): a cover
showing the same file as an item shares its record."""

from django.db import migrations

from media_library import adoption

ITEM_MODELS = [("documents", "Document")]


def adopt(apps, schema_editor):
    adoption.adopt(apps, ITEM_MODELS)


def release(apps, schema_editor):
    adoption.release(apps, ITEM_MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0006_document_library_image"),
        ("media_library", "0002_adopt_item_images"),
    ]

    operations = [migrations.RunPython(adopt, release)]
