"""A document's cover becomes an image of the media library: one library image per distinct
cover file (shared with items showing the same file), the document linked to it, then the old
file field goes. The files stay where and what they are."""

import django.db.models.deletion
from django.db import migrations, models


def adopt_covers(apps, schema_editor):
    Image = apps.get_model("media_library", "Image")
    Document = apps.get_model("documents", "Document")
    known = set(Image.objects.values_list("file", flat=True))
    rows = Document.objects.exclude(cover_image="").order_by("pk").values_list(
        "cover_image", "title_en", "title"
    )
    for name, title_en, title in rows.iterator(chunk_size=1000):
        if name in known:
            continue
        known.add(name)
        image = Image(title=(title_en or title or name)[:255])
        # Past the field's descriptor, which would open the file to measure it: a file
        # missing from storage must not stop the migration.
        image.__dict__["file"] = name
        image.save()
    for image_pk, name in Image.objects.filter(
        file__in=Document.objects.exclude(cover_image="").values("cover_image")
    ).values_list("pk", "file"):
        Document.objects.filter(cover_image=name).update(cover=image_pk)


def restore_covers(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    for document in Document.objects.exclude(cover=None).select_related("cover"):
        Document.objects.filter(pk=document.pk).update(cover_image=document.cover.file.name)
    Document.objects.update(cover=None)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_meeting_documents"),
        ("media_library", "0002_adopt_item_images"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="cover",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="documents_document_covers",
                to="media_library.image",
                verbose_name="cover image",
            ),
        ),
        migrations.RunPython(adopt_covers, restore_covers),
        migrations.RemoveField(model_name="document", name="cover_image"),
    ]
