"""What news items, projects and documents share beyond publishing: each is listed on a public
listing in the languages it is published in, may be fed by an importer that matches records
on their source address, and has an author. One declaration, so that an importer, the
listings and the admin meet the same three fields under the same names everywhere."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import languages
from core.publishing import Publishable, PublishableQuerySet


class ListedContentQuerySet(PublishableQuerySet):
    def in_language(self, language=None):
        """Records published in `language` (default: the active one)."""
        return self.filter(**{languages.column("in_language", language): True})


class ListedContent(Publishable):
    # Translated (each model's translation.py): in_language_en, in_language_ru, ... record the
    # languages a record is published in (core.languages).
    in_language = models.BooleanField(
        _("published in this language"),
        default=False,
        help_text=_("Visitors reading the site in this language see it."),
    )
    source_url = models.URLField(
        _("source URL"),
        max_length=500,
        blank=True,
        help_text=_("Where an imported record came from; re-imports match on it."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_%(class)ss",
        verbose_name=_("author"),
    )

    objects = ListedContentQuerySet.as_manager()

    class Meta:
        abstract = True
