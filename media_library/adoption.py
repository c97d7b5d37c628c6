"""Adopting the images items already show into the library, for the migrations that do it
(media_library 0002 for news items and projects, documents 0007 for document covers): one code
path, run on the historical models the migration passes in.

One library image per distinct file (items that share a file share the record, also across
content types), made from the first item showing it (its title, alt text in every language,
credit and size), and every item linked to it. The files stay where and what they are:
nothing is copied, moved, opened or lost."""

from django.conf import settings
from django.db.models import OuterRef, Subquery

BATCH = 1000


def codes():
    return [code for code, _name in settings.LANGUAGES]


def adopt(apps, item_models):
    """Link every item of `item_models` ((app_label, model_name) pairs) to a library image."""
    Image = apps.get_model("media_library", "Image")
    known = set(Image.objects.values_list("file", flat=True))
    alts = [f"image_alt_{code}" for code in codes()]
    title = f"title_{settings.LANGUAGE_CODE}"
    for app_label, model_name in item_models:
        Item = apps.get_model(app_label, model_name)
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


def release(apps, item_models):
    """Back: the items let go of their library images, and the records made for their files
    go unless another item still uses them (the files stay, the items still name them)."""
    Image = apps.get_model("media_library", "Image")
    shown = set()
    for app_label, model_name in item_models:
        Item = apps.get_model(app_label, model_name)
        shown.update(Item.objects.exclude(image="").values_list("image", flat=True))
        Item.objects.update(library_image=None)
    unused = Image.objects.filter(file__in=shown)
    for relation in Image._meta.related_objects:
        if relation.one_to_many:
            field = relation.field.name
            users = relation.related_model._base_manager.exclude(**{field: None})
            unused = unused.exclude(pk__in=users.values(field))
    unused.delete()
