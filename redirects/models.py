"""An old slug of a page that visitors could see, and the object it belonged to.

The redirect points at the object, not at its next slug: a chain of renames (A → B → C) is
never a chain of redirects, every old slug answers with the object's current address at once.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SlugRedirect(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("type"), related_name="+"
    )
    old_slug = models.SlugField(_("old slug"), max_length=255)
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        constraints = [
            # One old address leads to one object (the one that had the slug last).
            models.UniqueConstraint(
                fields=["content_type", "old_slug"], name="redirects_one_target_per_old_slug"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.get_absolute_url()

    def get_absolute_url(self):
        """The old address (in English; every language prefix redirects alike)."""
        model = self.content_type.model_class()
        if model is None:  # a type whose model is gone: the redirect leads nowhere
            return ""
        return model(slug=self.old_slug).get_absolute_url()
