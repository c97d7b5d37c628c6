"""An item's picture as a record of the media library (media_library.Image), kept in step with
the item's own image fields, which every page, card, feed, the API and the privacy machinery
read (news.media_privacy, news.renditions).

The item's `image` names the same stored file as its library image: a file shown by several
items is one file, public while any published item shows it (media_privacy already decides by
name). Choosing a library image copies its file name and size to the item, and its alt text
and credit where the item's own are empty (the item's override otherwise); uploading a file on
the item makes a library record for it. A library image's later edits reach the items that did
not override them (media_library.services).

The library sits above news in the layers; news refers to it through the foreign key's
`related_model` only, so these receivers need no import of it.
"""

from django.conf import settings

from core.languages import codes

# What an item takes from its library image when its own is empty.
INHERITED = ("image_credit", *(f"image_alt_{code}" for code in codes()))


def library_model(model):
    return model._meta.get_field("library_image").related_model


def library_value(image, field):
    """The library image's value for one of the item's `INHERITED` fields."""
    if field == "image_credit":
        return image.credit
    return getattr(image, field.replace("image_alt", "alt"), "") or ""


def take_from_library(item, image):
    """Show `image`'s file on `item`, with its alt text and credit where the item has none."""
    item.image = image.file.name
    item.image_width, item.image_height = image.width, image.height
    for field in INHERITED:
        if not (getattr(item, field, "") or "").strip():
            setattr(item, field, library_value(image, field))


def apply_choice(item):
    """A library image newly chosen replaces the item's file, unless a file was uploaded on
    the item at the same time (the upload wins, and joins the library after the save). Run
    by the model's `clean()`, so the form checks the alt text the item will have, and again
    before every save."""
    chosen = item.library_image_id
    if chosen is None or chosen == getattr(item, "_stored_library_image", None):
        if chosen is not None and not item.image.name:
            item.library_image = None  # the picture was removed from the item
        return
    if item.image and not item.image._committed:
        return
    image = library_model(type(item)).objects.filter(pk=chosen).first()
    if image is None:
        # A restored revision naming a library image deleted since: the item keeps the file
        # it names, which joins the library again after the save.
        item.library_image = None
    elif item.image.name != image.file.name:
        item.library_image = image
        take_from_library(item, image)


def before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: see `apply_choice`."""
    if raw or (update_fields is not None and "library_image" not in update_fields):
        return
    apply_choice(instance)


def after_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save: an image the item shows that is not its library image's file (an upload, an
    import, the demo) gets a library record, found by its file name or made for it."""
    name = instance.image.name or ""
    unchanged = instance.library_image_id is not None and (
        instance.library_image_id == getattr(instance, "_stored_library_image", None)
        and name == getattr(instance, "_stored_image", None)
    )
    if raw or unchanged:
        return
    current = instance.library_image if instance.library_image_id else None
    if name and (current is None or current.file.name != name):
        current = adopt(instance, name)
        sender.objects.filter(pk=instance.pk).update(library_image=current)
        instance.library_image = current
    instance._stored_library_image = current.pk if current else None


def adopt(item, name):
    """The library image for the file `name` that `item` shows, made from the item's own
    fields when there is none yet."""
    Image = library_model(type(item))
    image = Image.objects.filter(file=name).first()
    if image is not None:
        return image
    fields = {
        field.replace("image_alt", "alt"): getattr(item, field, "") or ""
        for field in INHERITED
        if field != "image_credit"
    }
    return Image.objects.create(
        file=name,
        width=item.image_width,
        height=item.image_height,
        title=(getattr(item, f"title_{settings.LANGUAGE_CODE}", "") or str(item))[:255],
        credit=item.image_credit,
        **fields,
    )


def focal_point(item):
    """The (x, y) the item's card crops around, from its library image; None for the centre."""
    image = item.library_image if item.library_image_id else None
    if image is None or image.focal_x is None or image.focal_y is None:
        return None
    return (image.focal_x, image.focal_y)
