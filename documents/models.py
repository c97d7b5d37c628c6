"""Publications and documents: reports, guidebooks, official documents with their symbol,
speeches… Each is publishable content like a news item (drafts, scheduling, revisions,
languages, search) with one PDF per language (`DocumentFile`), in any language, not only the
site's six.

The files always live in the private storage (core.private_media) and reach visitors only
through the download view, which serves them while the document is published: a draft's or
an expired document's file has no public address to guess or remember.
"""

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import languages
from core.abstract_models import CleanTextModel, OrderedLink, TaxonomyRecord
from core.listed_content import ListedContent, ListedContentQuerySet
from core.private_media import PRIVATE_STORAGE
from core.publishing import publishing_constraints
from countries.models import Country
from documents import language_tags, symbols
from documents.pdf import validate_pdf
from news.image_fields import ImageContent, ImageFileField
from news.models import FieldOfWork, Meeting, NewsItem
from structures.models import Structure


class DocumentType(TaxonomyRecord):
    """Report, guidebook, official document, speech…: a table editors extend, seeded by a
    data migration."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("documents:list") + f"?type={self.slug}"


class DocumentQuerySet(ListedContentQuerySet):
    def with_listing_relations(self):
        return self.select_related("document_type").prefetch_related(
            DocumentIssuer.prefetch("issuers"),
            models.Prefetch("files", queryset=DocumentFile.objects.order_by("language")),
        )


class Document(ImageContent, ListedContent):
    # The PDFs' text ranks below the title and the summary (search.schema).
    full_text_fields = (("title", "A"), ("summary", "B"), ("file_text", "D"))
    redirect_old_slugs = True

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    document_type = models.ForeignKey(
        DocumentType,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("document type"),
    )
    symbol = models.CharField(
        _("document symbol"),
        max_length=symbols.MAX_LENGTH,
        blank=True,
        validators=[symbols.validate_symbol],
        help_text=_("For official documents, e.g. PC.DEC/1162. Unique when given."),
    )
    # The symbol in capitals: what it is looked up and kept unique by (documents.symbols).
    symbol_key = models.CharField(max_length=symbols.MAX_LENGTH, blank=True, editable=False)
    publication_date = models.DateField(_("publication date"), db_index=True)
    summary = models.TextField(
        _("summary"), max_length=1000, blank=True, help_text=_("One or two sentences for lists.")
    )
    # The extracted text of the file in this language (documents.extraction): searched, never
    # edited.
    file_text = models.TextField(blank=True, editable=False)
    issued_by = models.ManyToManyField(
        Structure, through="DocumentIssuer", related_name="documents", verbose_name=_("issued by")
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, blank=True, related_name="documents", verbose_name=_("fields of work")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="documents", verbose_name=_("countries")
    )
    # The cover, as a news item's picture: rewritten without metadata, private while the
    # document is not public, shown only as renditions (news.media_privacy, news.renditions).
    # Its own folder: the image commands walk it, never the PDFs' `documents/<id>/`.
    image = ImageFileField(
        _("cover image"),
        upload_to="documents/covers/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    related_news = models.ManyToManyField(
        NewsItem, blank=True, related_name="documents", verbose_name=_("related news")
    )
    # By name, not by import: documents and projects are siblings in the layers.
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="documents", verbose_name=_("projects")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_documents",
        verbose_name=_("meeting"),
        help_text=_("For a meeting's documents: the meeting page lists them."),
    )
    external_url = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("Where the document is published elsewhere, when it has no file here."),
    )

    objects = DocumentQuerySet.as_manager()

    # Order and facets, and the meeting whose page lists it: a change of one of these of a
    # visible document moves the listings (pages listing documents depend on them for their
    # membership, core.page_dependencies).
    listing_fields = (
        "publication_date",
        "document_type",
        "meeting",
        *(f"in_language_{code}" for code in languages.codes()),
    )

    class Meta:
        ordering = ["-publication_date", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("publications and documents")
        permissions = [("publish_document", _("Can publish, unpublish and schedule documents"))]
        constraints = [
            *publishing_constraints("document"),
            models.UniqueConstraint(
                fields=["symbol_key"], condition=~Q(symbol_key=""), name="document_unique_symbol"
            ),
            models.UniqueConstraint(
                fields=["source_url"], condition=~Q(source_url=""), name="document_unique_source"
            ),
            models.CheckConstraint(
                condition=languages.image_alt_required(), name="document_image_has_alt_text"
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "publish_at", "expire_at", "publication_date"],
                name="document_publishing",
            ),
        ]

    def __str__(self):
        return self.title or languages.title_with_language(self)

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.symbol = symbols.tidy(self.symbol)
        self.symbol_key = symbols.key(self.symbol)
        fields = kwargs.get("update_fields")
        if fields is not None and "symbol" in fields:
            kwargs["update_fields"] = {*fields, "symbol_key"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        key = symbols.key(self.symbol)
        if key:
            taken = Document.objects.filter(symbol_key=key).exclude(pk=self.pk)
            if taken.exists():
                errors["symbol"] = _(
                    "Another document already has the symbol %(symbol)s: a symbol names one "
                    "document."
                ) % {"symbol": symbols.tidy(self.symbol)}
        errors.update(languages.missing_translations(self))
        if errors:
            raise ValidationError(errors)

    @property
    def ordered_issuers(self):
        """Issuing structures in the editor's order (the first leads); uses a prefetch."""
        return DocumentIssuer.linked_in_order(self.issuers.all())

    @property
    def lead_issuer(self):
        issuers = self.ordered_issuers
        return issuers[0] if issuers else None

    @property
    def ordered_files(self):
        """The files, the site's languages first in the site's order, then the others."""
        order = {code: i for i, code in enumerate(languages.codes())}
        return sorted(
            self.files.all(),
            key=lambda f: (order.get(f.language, len(order)), f.language),
        )


class DocumentIssuer(OrderedLink):
    """One issuing structure of a document; `position` keeps the editor's order (0 = lead),
    as `NewsItemIssuer` does for a news item."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="issuers")
    structure = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        related_name="document_links",
        verbose_name=_("structure"),
    )

    class Meta(OrderedLink.Meta):
        verbose_name = _("issuing structure")
        verbose_name_plural = _("issued by")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "structure"], name="documentissuer_unique_structure"
            ),
        ]
        indexes = [models.Index(fields=["structure", "document"], name="docissuer_structure_doc")]


class Extraction(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


def private_storage():
    return storages[PRIVATE_STORAGE]


def file_path(instance, filename):
    return f"documents/{instance.document_id or 'new'}/{instance.language}.pdf"


class DocumentFile(CleanTextModel):
    """The document in one language: a PDF, its size and pages, and its extracted text."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(
        _("language"),
        max_length=35,
        validators=[language_tags.validate_tag],
        help_text=_("A language code: en, ru, fr… or any other, such as uk, sr-Latn or ky."),
    )
    file = models.FileField(
        _("PDF file"),
        upload_to=file_path,
        storage=private_storage,
        max_length=255,
        validators=[validate_pdf],
        help_text=_("A PDF of at most 50 MB, not password-protected."),
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    extraction = models.CharField(
        _("text extraction"),
        max_length=16,
        choices=Extraction.choices,
        default=Extraction.PENDING,
        editable=False,
    )
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    characters = models.PositiveIntegerField(_("characters"), default=0, editable=False)
    extraction_error = models.TextField(_("extraction error"), blank=True, editable=False)

    class Meta:
        ordering = ["language"]
        verbose_name = _("file")
        verbose_name_plural = _("files (one per language)")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="documentfile_unique_language"
            ),
        ]
        indexes = [models.Index(fields=["language", "document"], name="docfile_language_doc")]

    def __str__(self):
        return f"{self.document} ({self.language})"

    @property
    def language_name(self):
        return language_tags.name_in_itself(self.language)

    def save(self, *args, **kwargs):
        self.language = language_tags.normalise(self.language)
        if self.file:
            try:
                self.size = self.file.size
            except (FileNotFoundError, OSError):
                pass
        super().save(*args, **kwargs)
