"""An image of the media library: one stored file, reused by any number of items.

The file is stored as every upload is (news.image_fields.ImageFileField: validated, rewritten
without metadata, under a random name, private first). Items show it through their own image
fields, which name the same file (news.library_images), so its privacy follows theirs: public
while a published item shows it (news.media_privacy), private otherwise.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from news.image_fields import CleanImageFieldFile, ImageFileField

FRACTION = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class LibraryImageFieldFile(CleanImageFieldFile):
    @property
    def url(self):
        """The public URL once an item has made the file public, else the admin's view of it
        (no item's view serves a file the item does not show)."""
        self._require_file()
        if self.storage.is_public(self.name):
            return self.storage.url(self.name)
        return reverse("admin:media_library_image_file", args=[self.instance.pk])


class LibraryImageField(ImageFileField):
    attr_class = LibraryImageFieldFile

    def update_dimension_fields(self, instance, force=False, **kwargs):
        """Measured when a file is assigned, never when a record is loaded: Django would open
        the file of every record without a size (a migrated picture) on each list page, and a
        file missing from storage would break every page listing it."""
        if force:
            super().update_dimension_fields(instance, force=True, **kwargs)


class Image(models.Model):
    file = LibraryImageField(
        _("file"), upload_to="library/%Y/%m/", width_field="width", height_field="height"
    )
    title = models.CharField(_("title"), max_length=255)
    alt = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; items may override it."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    focal_x = models.FloatField(_("focal point x"), null=True, blank=True, validators=FRACTION)
    focal_y = models.FloatField(_("focal point y"), null=True, blank=True, validators=FRACTION)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.UniqueConstraint(fields=["file"], name="media_library_image_one_per_file"),
            models.CheckConstraint(
                condition=Q(focal_x__isnull=True, focal_y__isnull=True)
                | Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="media_library_image_focal_point_in_picture",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if (self.focal_x is None) != (self.focal_y is None):
            raise ValidationError(_("Give the focal point both coordinates, or neither."))

    @property
    def focal_point(self):
        if self.focal_x is None or self.focal_y is None:
            return None
        return (self.focal_x, self.focal_y)
