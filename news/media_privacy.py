"""Where an image's files are: public while a published item shows the image, private
otherwise (core.private_media) — so a draft's or an embargoed item's picture, a replaced one
and the picture of a deleted item answer 404 at every URL a visitor could try.

An upload (original and renditions) starts private. `sync()` puts an item's files where its
state wants them; the paths that change the state call it (news.services: publish, schedule,
unpublish, and the save of the admin form through `refresh_renditions`), and so does the
`sync_image_privacy` command for the changes no one saves: a scheduled item coming due, an
expiry. Until that command has run, pages of an item that is public by the clock but whose
files are still private point at `news_image_view`, which serves them to anyone once the item
is public: nothing is ever public early, and nothing is ever missing late (DESIGN.md, "Images
of unpublished items").

Where the files are is recorded in `<item>.image_renditions["public"]`, so pages choose a URL
(`file_url()`) without asking the storage.

Every content type with an image takes part: `image_models()` finds them through the app
registry by their `ImageFileField` (named `image`, with `image_renditions` beside it), as
core.content_state finds the publishable models, so a news item's and a project's picture
follow the same rules without this module knowing either.
"""

import json
import posixpath
from collections import defaultdict

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from reversion.models import Version

from core.private_media import public_or_private as storage
from core.publishing import Publishable
from news.image_fields import ImageFileField, image_view_url
from news.renditions import rendition_folder


def image_models():
    """Every publishable model whose `image` is an `ImageFileField`, from the app registry."""
    found = []
    for model in apps.get_models():
        try:
            field = model._meta.get_field("image")
        except FieldDoesNotExist:
            continue
        if isinstance(field, ImageFileField) and issubclass(model, Publishable):
            found.append(model)
    return found


def image_holders():
    """Every other model that keeps image files in an `ImageFileField` without showing them
    (the media library, media_library.Image), as (model, field name) pairs: their files are
    kept as the items' are, and their privacy follows the items that show them."""
    return [
        (model, field.name)
        for model in apps.get_models()
        if not issubclass(model, Publishable)
        for field in model._meta.fields
        if isinstance(field, ImageFileField)
    ]


def held_images():
    """The names of the files `image_holders()` keep, and the folders they upload to."""
    names, roots = set(), set()
    for model, field in image_holders():
        names.update(model._base_manager.exclude(**{field: ""}).values_list(field, flat=True))
        roots.add(str(model._meta.get_field(field).upload_to).split("%", 1)[0].strip("/"))
    return names, roots


def upload_roots():
    """Where each image model's uploads go ("news/%Y/%m/" -> "news"), once each."""
    roots = set()
    for model in image_models():
        upload_to = str(model._meta.get_field("image").upload_to)
        roots.add(upload_to.split("%", 1)[0].strip("/"))
    return sorted(roots)


def walk(place, folder):
    """Every file under `folder` in the storage `place`, as names relative to it."""
    try:
        folders, files = place.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield posixpath.join(folder, name)
    for sub in folders:
        yield from walk(place, posixpath.join(folder, sub))


def image_files(name):
    """The original and every file in its renditions folder, in either place."""
    folder = rendition_folder(name)
    return [name, *(posixpath.join(folder, file) for file in storage.listdir(folder)[1])]


def shown_publicly(name, now=None):
    """Whether a published item, of any content type, shows the image `name`."""
    return bool(name) and any(
        model.objects.published(now).filter(image=name).exists() for model in image_models()
    )


def place_image(name, public):
    """Move the files of the image `name` to the public or the private place and record it on
    every item showing it. Returns the names of the files moved."""
    moved = storage.place(image_files(name), public)
    for model in image_models():
        rows = model.objects.filter(image=name).values_list("pk", "image_renditions")
        for pk, renditions in rows:
            if renditions and renditions.get("public") != public:
                model.objects.filter(pk=pk).update(
                    image_renditions={**renditions, "public": public}
                )
    return moved


def hide(name):
    """Make the image `name` private, unless a published item still shows it."""
    if not name or shown_publicly(name):
        return []
    return place_image(name, public=False)


def sync(item, now=None):
    """Put the files of `item`'s image where the items showing it want them, and hide the image
    it had when it was loaded if that was replaced. Call it after the item is saved."""
    moved = []
    name = item.image.name or ""
    previous = getattr(item, "_stored_image", None)
    if previous and previous != name:
        moved += hide(previous)
    item._stored_image = name
    if name:
        public = shown_publicly(name, now)
        moved += place_image(name, public)
        if item.image_renditions:
            item.image_renditions = {**item.image_renditions, "public": public}
    return moved


class _HiddenAtCommit:
    """The pictures of the items a transaction deleted, hidden once it commits: each name once,
    however many items showed it (replacing the demo content deletes thousands)."""

    def __init__(self):
        self.names = set()

    def __call__(self):
        for name in sorted(self.names):
            hide(name)

    def is_pending(self, connection):
        # Still registered: its transaction (or savepoint) was not rolled back.
        return any(entry[1] is self for entry in connection.run_on_commit)


def item_deleted(sender, instance, using, **kwargs):
    """post_delete: a deleted item's picture is hidden when the deletion commits (one rolled
    back keeps its item, and the item its public picture). A bulk deletion that did not read
    the image (`only("pk")`) leaves it to `delete_orphan_images`."""
    if "image" in instance.get_deferred_fields() or not instance.image.name:
        return
    name = instance.image.name
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        hide(name)
        return
    batch = getattr(connection, "_images_hidden_at_commit", None)
    if batch is None or not batch.is_pending(connection):
        batch = connection._images_hidden_at_commit = _HiddenAtCommit()
        transaction.on_commit(batch, using=using)
    batch.names.add(name)


def misplaced(now=None, everything=False):
    """{image name: whether it should be public} for the images whose recorded place disagrees
    with their items' state now (a schedule or an expiry came due), or for every image, over
    every content type with images. Found in SQL, so the every-minute run reads only the few
    that are due."""
    public, hidden, every = set(), set(), set()
    for model in image_models():
        with_image = model.objects.exclude(image="").order_by()
        shown = with_image.published(now)
        if everything:
            public.update(shown.values_list("image", flat=True))
            every.update(with_image.values_list("image", flat=True))
            continue
        public.update(shown.exclude(image_renditions__public=True).values_list("image", flat=True))
        hidden.update(
            with_image.filter(image_renditions__public=True)
            .exclude(image__in=shown.values("image"))
            .values_list("image", flat=True)
        )
    if everything:
        return {name: name in public for name in every}
    # An image hidden by one content type may still be shown by another (a shared name).
    due = {name: False for name in hidden - public if not shown_publicly(name, now)}
    due.update(dict.fromkeys(public, True))
    return due


def file_url(item, name):
    """The URL of one of `item`'s image files: the public storage's while the files are public,
    else the view that shows them to editors (and to anyone once the item is public)."""
    if (item.image_renditions or {}).get("public"):
        return storage.url(name)
    return image_view_url(item, name)


def item_files(item):
    """The names the image view may serve for `item`: its original and its renditions."""
    names = {item.image.name} if item.image.name else set()
    for entries in (item.image_renditions or {}).get("slots", {}).values():
        names.update(entry["name"] for entry in entries)
    return names


def images_in_revisions():
    """{image name: names of the renditions recorded with it} over every revision of an item
    with an image, of any content type: what restoring one of them would need."""
    found = defaultdict(set)
    content_types = ContentType.objects.get_for_models(*image_models()).values()
    versions = Version.objects.filter(content_type__in=content_types, format="json").values_list(
        "serialized_data", flat=True
    )
    for data in versions.iterator(chunk_size=500):
        try:
            objects = json.loads(data)
        except ValueError:
            continue
        for obj in objects:
            fields = obj.get("fields") or {}
            if fields.get("image"):
                found[fields["image"]].update(
                    entry["name"]
                    for entries in (
                        (fields.get("image_renditions") or {}).get("slots") or {}
                    ).values()
                    for entry in entries
                )
    return found
