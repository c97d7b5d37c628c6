"""Make the image renditions that are missing or stale, e.g. after an import or a restore, for
every content type with images (news.media_privacy.image_models)."""

from django.core.management.base import BaseCommand

from news.library_images import focal_point
from news.media_privacy import image_models, place_image, shown_publicly
from news.renditions import RenditionError, build_renditions, renditions_are_current


class Command(BaseCommand):
    help = "Make the resized copies (renditions) of images that are missing or out of date."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Check every item with an image, not only those without up-to-date renditions "
            "(files already in storage are reused, not re-encoded).",
        )

    def handle(self, *args, **options):
        querysets = [
            model.objects.exclude(image="")
            .select_related("library_image")
            .only("pk", "image", "image_renditions", "library_image")
            for model in image_models()
        ]
        total = sum(items.count() for items in querysets)
        built = failed = unchanged = 0
        every_item = (item for items in querysets for item in items.iterator(chunk_size=500))
        for position, item in enumerate(every_item, start=1):
            focal = focal_point(item)
            if not options["all"] and renditions_are_current(item, focal):
                unchanged += 1
                continue
            try:
                renditions = build_renditions(item.image.name, focal=focal)
            except RenditionError as error:
                failed += 1
                self.stderr.write(f"{item._meta.verbose_name.capitalize()} {item.pk}: {error}")
                continue
            current = {**(item.image_renditions or {})}
            current.pop("public", None)  # where the files are, not what they are
            if renditions != current:
                type(item).objects.filter(pk=item.pk).update(image_renditions=renditions)
                # New renditions are private: they join the original wherever it belongs.
                place_image(item.image.name, shown_publicly(item.image.name))
                built += 1
            else:
                unchanged += 1
            if options["verbosity"] >= 2 or position % 100 == 0:
                self.stdout.write(f"{position}/{total} items checked")
        summary = (
            f"Renditions: {built} items updated, {unchanged} already up to date, "
            f"{failed} failed, of {total} items with an image."
        )
        self.stdout.write(self.style.ERROR(summary) if failed else self.style.SUCCESS(summary))
