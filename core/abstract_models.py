"""Abstract model bases shared by the apps.

They live in the project package (which has no concrete models) so that `countries`,
`structures` and `news` can all use them without importing each other sideways.
"""

from django.db import models

from core.text import strip_control_characters


class CleanTextModel(models.Model):
    """Strips control characters from every text field on save, whatever path the data took
    (admin, importer, shell)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                value = getattr(self, field.attname)
                cleaned = strip_control_characters(value)
                if cleaned is not value:
                    setattr(self, field.attname, cleaned)
        super().save(*args, **kwargs)


class TaxonomyRecord(CleanTextModel):
    """A record that `load_taxonomy` may have created from the repository's data files.

    `source_key` ties the row to its entry in the data file; `source_checksum` is the checksum
    of the values as last loaded. When the row's current values no longer match that
    checksum, an editor has changed it and the loader leaves it alone.
    """

    source_key = models.CharField(max_length=120, blank=True, editable=False)
    source_checksum = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
