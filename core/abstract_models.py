"""Abstract model bases shared by the apps.

They live in the project package (which has no concrete models) so that `countries`,
`structures` and `news` can all use them without importing each other sideways.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

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


class OrderedLink(models.Model):
    """One row of an ordered list an editor keeps on a piece of content: "Issued by",
    "Implemented by", a project's donors. `position` keeps the editor's order (0 leads); the
    owner's and the linked row's foreign keys stay on each subclass, whose names and related
    names differ and are in the migrations.

    One base so the rows share their order, their label and how a page fetches them; the admin
    renumbers them on save (news.admin.forms.IssuerFormSet)."""

    # The foreign key to what the row lists: its label, and what `prefetch` joins.
    linked_field = "structure"

    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return str(getattr(self, self.linked_field))

    @classmethod
    def prefetch(cls, lookup, *related):
        """The owner's `lookup` rows in the editor's order with what they list (`related`
        names deeper joins, e.g. a donor's country), for `prefetch_related`."""
        rows = cls.objects.select_related(*(related or (cls.linked_field,)))
        return models.Prefetch(lookup, queryset=rows.order_by("position"))

    @classmethod
    def linked_in_order(cls, rows):
        """What `rows` list, in the editor's order; sorts in Python so a prefetch is used."""
        return [getattr(row, cls.linked_field) for row in sorted(rows, key=lambda r: r.position)]
