"""Every image an item already shows becomes a library image: one per distinct file (items
that share a file share the record), made from the first item showing it (its title, alt text
in every language, credit and size), and every item is linked to it. The files stay where and
what they are: nothing is copied, moved or lost."""

from django.conf import settings
from django.db import migrations
from django.db.models import OuterRef, Subquery

ITEM_MODELS = [("news", "NewsItem"), ("projects", "Project")]
BATCH = 1000


def codes():
    return [code for code, _name in settings.LANGUAGES]


def adopt(apps, schema_editor):
    Image = apps.get_model("media_library", "Image")
    known = set(Image.objects.values_list("file", flat=True))
    for app_label, model_name in ITEM_MODELS:
        Item = apps.get_model(app_label, model_name)
        alts = [f"image_alt_{code}" for code in codes()]
        title = f"title_{settings.LANGUAGE_CODE}"
        rows = (
            Item.objects.exclude(image="")
            .order_by("pk")
            .values("image", title, "image_credit", "image_width", "image_height", *alts)
        )
        new = []
        for row in rows.iterator(chunk_size=BATCH):
            if row["image"] in known:
                continue
            known.add(row["image"])
            image = Image(
                title=(row[title] or row["image"])[:255],
                credit=row["image_credit"] or "",
                width=row["image_width"],
                height=row["image_height"],
                **{f"alt_{code}": row[f"image_alt_{code}"] or "" for code in codes()},
            )
            # Past the field's descriptor, which would open the file to measure it: the size
            # is the one the item recorded, and a file missing from storage must not stop
            # the migration (its record keeps the name, as the item does).
            image.__dict__["file"] = row["image"]
            new.append(image)
        Image.objects.bulk_create(new, batch_size=BATCH)
        Item.objects.exclude(image="").update(
            library_image=Subquery(Image.objects.filter(file=OuterRef("image")).values("pk")[:1])
        )


def release(apps, schema_editor):
    """Back: the items let go of their library images, and the records made for their files
    go (the files stay, the items still name them)."""
    Image = apps.get_model("media_library", "Image")
    shown = set()
    for app_label, model_name in ITEM_MODELS:
        Item = apps.get_model(app_label, model_name)
        shown.update(Item.objects.exclude(image="").values_list("image", flat=True))
        Item.objects.update(library_image=None)
    Image.objects.filter(file__in=shown).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("media_library", "0001_initial"),
        ("news", "0010_newsitem_library_image"),
        ("projects", "0004_project_library_image"),
    ]

    operations = [migrations.RunPython(adopt, release)]
