"""The image field every content type with a picture shares, and the fields beside it.

`ImageFileField` stores an upload rewritten without metadata (news.image_rewrite) under a random
name, in the private storage first (core.private_media): news.media_privacy makes it public
with its item, and finds the models that have one through the app registry by this field.
`ImageContent` holds what goes with it — size, alt text, caption, credit, renditions — and
remembers the image as loaded; a model declares its own `image` (its upload folder) and the
CHECK `core.languages.image_alt_required()` (DESIGN.md, "Images of any content type").
"""

from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.private_media import public_or_private
from news import library_images
from news.image_rewrite import rewrite_image
from news.images import ValidatedImageFormField, random_image_name


class CleanImageFieldFile(ImageFieldFile):
    """Whatever is saved is first rewritten without metadata (news.image_rewrite.rewrite_image)."""

    def save(self, name, content, save=True):
        rewritten = rewrite_image(content)
        name = f"image.{rewritten.extension}"  # the stored name is random: generate_filename()
        # Named, so that the width and height fields are measured on the rewritten image.
        super().save(name, ContentFile(rewritten.content, name=name), save)

    @property
    def url(self):
        """Where the admin links the current file: the public URL once it is public, else the
        view that shows unpublished images to editors (news.views.images)."""
        self._require_file()
        if self.storage.is_public(self.name):
            return self.storage.url(self.name)
        return image_view_url(self.instance, self.name)


def image_view_url(item, name):
    """The image view's URL for one file of `item`'s image, keyed by the item's model, so one
    route serves the pictures of every content type (news.views.images)."""
    return reverse(
        "content_image", kwargs={"model": item._meta.label_lower, "pk": item.pk, "name": name}
    )


def remember_stored_image(item):
    """Record the image as loaded, so that news.media_privacy can hide the files of a replaced
    one, and the library image as loaded, so that a newly chosen one is told from an upload
    (news.library_images): called from the `from_db()` of every model with an `ImageFileField`."""
    item._stored_image = item.image.name if "image" in item.__dict__ else None
    item._stored_library_image = item.__dict__.get("library_image_id")
    return item


class ImageFileField(models.ImageField):
    """Stores images rewritten without metadata, under a random name in `upload_to`, in the
    private storage first: news.media_privacy makes them public with their item."""

    attr_class = CleanImageFieldFile

    def __init__(self, *args, **kwargs):
        super().__init__(*args, storage=public_or_private, **kwargs)

    def deconstruct(self):
        # Where the files live is a setting of the site, not part of the schema: migrations
        # neither record nor change it.
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("storage", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ValidatedImageFormField, **kwargs})

    def generate_filename(self, instance, filename):
        extension = PurePosixPath(filename).suffix
        return super().generate_filename(instance, random_image_name(extension))


class ImageContent(models.Model):
    """The fields beside an `image = ImageFileField(...)` that the concrete model declares."""

    # The record in the media library (media_library.Image) whose file `image` shows: chosen in
    # the admin or made for an upload (news.library_images). A model refers to it by name only:
    # the library sits above news in the layers, on its image machinery.
    library_image = models.ForeignKey(
        "media_library.Image",
        verbose_name=_("library image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_items",
        help_text=_(
            "Choose an image of the media library, or upload one below: an upload joins the "
            "library. Empty alt text and credit take the library image's."
        ),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("credit"), max_length=200, blank=True)
    # Nullable so that adding it is a plain ALTER TABLE on SQLite: a rebuilt table would lose
    # the full-text search triggers (search.schema).
    image_renditions = models.JSONField(
        _("image renditions"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The resized copies of the image that pages show (see news.renditions)."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        library_images.apply_choice(self)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        return remember_stored_image(super().from_db(db, field_names, values, **kwargs))
