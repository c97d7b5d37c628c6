"""Clean the images stored before uploads were cleaned, and rebuild their renditions — of news
items, projects and every content type with images (news.media_privacy.image_models).

Before, an upload was stored byte for byte under the editor's file name (with EXIF GPS, camera
serial numbers, XMP, IPTC and comments), and its renditions in a folder named after a hash of
that name. For every image an item shows, and every file left in the upload folder (images
of items since changed or deleted are public too), this command:

- rewrites it as uploads are now rewritten (news.images.rewrite_image) under a random name in
  the same folder;
- points every item showing it, and every revision that refers to it, at the new file, with
  new renditions (so restoring a revision brings back the clean image);
- deletes the old file and the renditions in its old folder.

An image under a random name with nothing to clean is left alone, so a second run changes
nothing. `--dry-run` lists what would be cleaned and why, and changes nothing. A file that is
missing or cannot be read is reported and left for a person to look at.
"""

import io
import json
import posixpath
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Count
from reversion.models import Version

from core.content_changes import content_changed
from core.private_media import public_or_private
from news.image_metadata import metadata_found
from news.image_rewrite import rewrite_image
from news.images import FORMAT_BY_EXTENSION, has_random_name, random_image_name
from news.media_privacy import (
    image_holders,
    image_models,
    place_image,
    shown_publicly,
    upload_roots,
    walk,
)
from news.renditions import RenditionError, build_renditions, rendition_folder

PROGRESS_EVERY = 100


def _is_image_name(name):
    return posixpath.splitext(name)[1].lower().lstrip(".") in FORMAT_BY_EXTENSION


class Failed(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Rewrite stored images without metadata (EXIF with GPS and serial numbers, XMP, "
        "IPTC, comments) under random names, and rebuild their renditions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the images that would be cleaned, and why; change nothing.",
        )

    def handle(self, *args, **options):
        # Public and private files alike (core.private_media): drafts' pictures too.
        self.storage = public_or_private
        self.dry_run = options["dry_run"]
        self.verbosity = options["verbosity"]
        self.models = image_models()
        items_by_image = Counter()
        for model in self.models:
            items_by_image.update(
                dict(
                    model.objects.exclude(image="")
                    .values_list("image")
                    .annotate(count=Count("pk"))
                    .order_by()
                )
            )
        # Where uploads go ("news/%Y/%m/" -> "news"): the names there are the editors'.
        self.upload_roots = upload_roots()
        stored = {
            name
            for root in self.upload_roots
            for name in walk(self.storage, root)
            if _is_image_name(name)
        }
        names = sorted(stored | set(items_by_image))
        self.revisions = None if self.dry_run else self._revisions_by_image()
        total = len(names)
        counts = Counter()
        for position, name in enumerate(names, start=1):
            try:
                content = self._read(name)
                reasons = self._reasons(name, content)
                if not reasons:
                    counts["clean"] += 1
                elif self.dry_run:
                    counts["cleaned"] += 1
                    counts["items"] += items_by_image[name]
                    self.stdout.write(f"{name}: {', '.join(reasons)}")
                else:
                    new_name, items, revisions = self._clean(name, content)
                    counts["cleaned"] += 1
                    counts["items"] += items
                    counts["revisions"] += revisions
                    if self.verbosity >= 2:
                        self.stdout.write(f"{name}: {', '.join(reasons)} -> {new_name}")
            except Failed as error:
                counts["failed"] += 1
                self.stderr.write(f"{name}: {error}")
            if position % PROGRESS_EVERY == 0 and position < total:
                self.stdout.write(f"{position}/{total} images checked")
        self.stdout.write(self._summary(counts, total))

    def _summary(self, counts, total):
        rest = f"{counts['clean']} already clean, {counts['failed']} failed, of {total} images."
        if self.dry_run:
            line = (
                f"Image metadata (dry run, nothing changed): {counts['cleaned']} images would "
                f"be cleaned ({counts['items']} items), {rest}"
            )
        else:
            revisions = counts["revisions"]
            line = (
                f"Image metadata: {counts['cleaned']} images cleaned ({counts['items']} items, "
                f"{revisions} revision{'' if revisions == 1 else 's'} updated), {rest}"
            )
        return self.style.ERROR(line) if counts["failed"] else self.style.SUCCESS(line)

    def _read(self, name):
        try:
            with self.storage.open(name, "rb") as handle:
                return handle.read()
        except FileNotFoundError:
            raise Failed("the file is missing from storage") from None
        except OSError as error:
            raise Failed(f"the file cannot be read: {error}") from None

    def _reasons(self, name, content):
        """Why `name` needs cleaning: the metadata it carries, and the name an editor gave it
        (files that code stored elsewhere, such as the demo pictures, keep theirs)."""
        try:
            reasons = metadata_found(io.BytesIO(content))
        except ValidationError as error:
            raise Failed(" ".join(error.messages)) from None
        uploaded = any(name.startswith(f"{root}/") for root in self.upload_roots)
        if uploaded and not has_random_name(name):
            reasons.append("file name")
        return reasons

    def _clean(self, name, content):
        try:
            rewritten = rewrite_image(io.BytesIO(content))
        except ValidationError as error:
            raise Failed(" ".join(error.messages)) from None
        folder = posixpath.dirname(name)
        new_name = self.storage.save(
            random_image_name(rewritten.extension, folder), ContentFile(rewritten.content)
        )
        try:
            renditions = build_renditions(new_name, self.storage)
        except RenditionError as error:
            self.storage.delete(new_name)
            raise Failed(str(error)) from None
        with transaction.atomic():
            items = sum(
                model.objects.filter(image=name).update(
                    image=new_name,
                    image_width=rewritten.width,
                    image_height=rewritten.height,
                    image_renditions=renditions,
                )
                for model in self.models
            )
            for model, field_name in image_holders():  # the media library's record of it
                field = model._meta.get_field(field_name)
                model._base_manager.filter(**{field_name: name}).update(
                    **{field_name: new_name},
                    **({field.width_field: rewritten.width} if field.width_field else {}),
                    **({field.height_field: rewritten.height} if field.height_field else {}),
                )
            revisions = self._update_revisions(name, new_name, rewritten, renditions)
            if items:
                content_changed()
        # The new files are private, like every new file, until they join the old one's place.
        place_image(new_name, shown_publicly(new_name))
        self._delete_old(name)
        return new_name, items, revisions

    def _revisions_by_image(self):
        """{image name: [id of every version of an item with an image that refers to it]},
        read once."""
        found = defaultdict(list)
        versions = Version.objects.filter(
            content_type__in=ContentType.objects.get_for_models(*self.models).values(),
            format="json",
        ).only("pk", "serialized_data")
        for version in versions.iterator(chunk_size=500):
            try:
                objects = json.loads(version.serialized_data)
            except ValueError:
                continue
            for obj in objects:
                image = (obj.get("fields") or {}).get("image")
                if image:
                    found[image].append(version.pk)
        return found

    def _update_revisions(self, name, new_name, rewritten, renditions):
        updated = 0
        for version in Version.objects.filter(pk__in=self.revisions.pop(name, [])):
            objects = json.loads(version.serialized_data)
            for obj in objects:
                fields = obj.get("fields") or {}
                if fields.get("image") == name:
                    fields.update(
                        image=new_name,
                        image_width=rewritten.width,
                        image_height=rewritten.height,
                        image_renditions=renditions,
                    )
            version.serialized_data = json.dumps(objects, cls=DjangoJSONEncoder)
            version.save(update_fields=["serialized_data"])
            updated += 1
        return updated

    def _delete_old(self, name):
        """The old file and everything in its old renditions folder."""
        old_renditions = list(walk(self.storage, rendition_folder(name)))
        for old in [name, *old_renditions]:
            self.storage.delete(old)
