"""Delete the image files (of every content type with images) that nothing refers to any more,
and hide those only revisions still refer to. A file the media library keeps is never deleted.

A replaced picture, or the picture of a deleted item, is made private at once
(news.media_privacy) but kept while a revision refers to it: restoring that revision brings it
back. Files that neither an item nor a revision refers to — originals and their renditions, in
the public and the private storage — are deleted. Files younger than `--min-age` minutes are
left alone: an upload is stored before the item that refers to it is committed. Run it daily
from cron; `--dry-run` lists what would be deleted or hidden and changes nothing.
"""

import datetime
import posixpath

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.private_media import public_or_private as storage
from editorial.models import WorkingDraft
from news.media_privacy import (
    held_images,
    hide,
    image_models,
    images_in_revisions,
    shown_publicly,
    upload_roots,
    walk,
)
from news.renditions import RENDITIONS_ROOT, rendition_folder


class Command(BaseCommand):
    help = "Delete image files that no item or revision refers to."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the files that would be deleted or made private; change nothing.",
        )
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            help="Leave files younger than this many minutes (default 60): uploads in progress.",
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        oldest = timezone.now() - datetime.timedelta(minutes=options["min_age"])
        in_items = set()
        for model in image_models():
            in_items.update(model.objects.exclude(image="").values_list("image", flat=True))
        in_revisions = images_in_revisions()
        # Uploaded for a live item's working draft, private until it is published.
        in_drafts = {
            name
            for files in WorkingDraft.objects.values_list("files", flat=True)
            for name in (files or {}).values()
        }
        # Kept by the media library, used by an item or not.
        in_library, library_roots = held_images()
        kept = in_items | set(in_revisions) | in_drafts | in_library
        kept_files = kept.union(*in_revisions.values())
        kept_folders = {rendition_folder(name) for name in kept}

        hidden = 0
        for name in sorted(set(in_revisions) - in_items):
            if storage.is_public(name) and not shown_publicly(name):
                hidden += 1
                if dry_run:
                    self.stdout.write(f"would make private (revisions only): {name}")
                else:
                    hide(name)

        deleted = young = 0
        for place_name, place in (("public", storage.public), ("private", storage.private)):
            for root in sorted({*upload_roots(), *library_roots, RENDITIONS_ROOT}):
                for name in walk(place, root):
                    if name in kept_files or posixpath.dirname(name) in kept_folders:
                        continue
                    if place.get_modified_time(name) > oldest:
                        young += 1
                        continue
                    deleted += 1
                    if dry_run:
                        self.stdout.write(f"would delete ({place_name}): {name}")
                    else:
                        place.delete(name)
                        if options["verbosity"] >= 2:
                            self.stdout.write(f"deleted ({place_name}): {name}")

        if dry_run:
            done = f"{deleted} files to delete, {hidden} kept for revisions to make private"
        else:
            done = f"{deleted} files deleted, {hidden} kept for revisions and made private"
        self.stdout.write(
            self.style.SUCCESS(
                f"Orphan images{' (dry run, nothing changed)' if dry_run else ''}: {done}, "
                f"{young} files younger than {options['min_age']} minutes left."
            )
        )
