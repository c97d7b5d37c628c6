"""Documents in the admin, on the news machinery: `PublishingAdmin` (editors write drafts,
publishers publish; revisions, audit), "Issued by" as ordered rows with news' issuer rules,
one file per language as an inline that refuses what is not a readable PDF
(documents.pdf) and shows each file's text extraction: pending, done or failed and why."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Prefetch, Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_forms import CleanTextModelAdmin, TranslatedAdmin, in_every_language
from documents import symbols
from documents.models import Document, DocumentFile, DocumentIssuer, DocumentType, Extraction
from news import services
from news.admin.draft_files import DraftFileField, DraftUpload
from news.admin.forms import PublishableAdminForm
from news.admin.large_tables import related_filter
from news.admin.ordered_rows import OrderedRowsInline
from news.admin.publishing import ParentEditableInline, PublishingAdmin, StateFilter
from news.admin.revisions import registration
from structures.models import Structure

registration.register(Document, [("issuers", DocumentIssuer), ("files", DocumentFile)])


class DocumentAdminForm(PublishableAdminForm):
    class Meta:
        model = Document
        fields = "__all__"


class IssuerInline(OrderedRowsInline):
    model = DocumentIssuer


def extraction_summary(row):
    if row.pk is None:
        return ""
    if row.extraction == Extraction.DONE:
        pages = ngettext("%(n)s page", "%(n)s pages", row.pages or 0) % {"n": row.pages or 0}
        return _("Done: %(pages)s, %(characters)s characters") % {
            "pages": pages,
            "characters": row.characters,
        }
    if row.extraction == Extraction.FAILED:
        return _("Failed: %(reason)s") % {"reason": row.extraction_error}
    return _("Pending: the text is being read.")


class PrivateFileInput(forms.ClearableFileInput):
    """The stored PDF is private (it has no public URL): the row links to it through the
    download view (`current_file`) and this input only takes a replacement. A PDF uploaded
    for a live document's working draft (news.admin.draft_files) is named as the draft's."""

    template_name = "admin/widgets/draft_file_input.html"

    def is_initial(self, value):
        return isinstance(value, DraftUpload)


class FileInline(ParentEditableInline):
    model = DocumentFile
    fields = ["language", "current_file", "file", "file_size", "extraction_state"]
    readonly_fields = ["current_file", "file_size", "extraction_state"]
    formfield_overrides = {
        models.FileField: {"widget": PrivateFileInput, "form_class": DraftFileField}
    }
    extra = 1

    @admin.display(description=_("current file"))
    def current_file(self, row):
        if row.pk is None or not row.file:
            return ""
        url = reverse(
            "documents:download", kwargs={"slug": row.document.slug, "language": row.language}
        )
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    @admin.display(description=_("size"))
    def file_size(self, row):
        return filesizeformat(row.size) if row.pk else ""

    @admin.display(description=_("text extraction"))
    def extraction_state(self, row):
        return extraction_summary(row)


@admin.register(DocumentType)
class DocumentTypeAdmin(CleanTextModelAdmin, TranslatedAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = [*in_every_language("name"), "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Document)
class DocumentAdmin(PublishingAdmin, TranslatedAdmin):
    form = DocumentAdminForm
    list_display = [
        "display_title",
        "state",
        "document_type",
        "symbol",
        "publication_date",
        "file_languages",
        "issued_by_list",
    ]
    list_select_related = ["document_type"]
    list_filter = [StateFilter, "document_type", related_filter("fields_of_work")]
    search_fields = [*in_every_language("title", "summary"), "slug", "symbol"]
    date_hierarchy = "publication_date"
    autocomplete_fields = [
        "fields_of_work",
        "countries",
        "related_news",
        "projects",
        "meeting",
        "library_image",
    ]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [IssuerInline, FileInline]
    inlines_before_fieldset = 1
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "in_language",
                    "title",
                    "slug",
                    "document_type",
                    "symbol",
                    "publication_date",
                    "summary",
                    "external_url",
                ],
                "description": _(
                    "Choose the language above. Tick “Published in this language” in each "
                    "language the document's page is ready in; add its PDFs below, one per "
                    "language, in any language."
                ),
            },
        ),
        (
            _("Cover image"),
            {
                "fields": [
                    "library_image",
                    "image",
                    "image_alt",
                    "image_caption",
                    "image_credit",
                ],
                "description": _("JPEG, PNG, WebP or GIF, at most 20 MB and 40 megapixels."),
            },
        ),
        (_("Tags"), {"fields": ["fields_of_work", "countries", "related_news", "projects"]}),
        (_("Meeting"), {"fields": ["meeting"]}),
        (_("Publishing"), {"fields": ["status", "publish_at", "expire_at"]}),
        (
            _("About this record"),
            {
                "fields": ["source_url", "author", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = ["author"]

    def search_related(self, term):
        """Documents by their symbol, or issued by a body named `term`."""
        issuers = DocumentIssuer.objects.filter(structure__in=Structure.objects.named(term)).values(
            "document_id"
        )
        return Document.objects.filter(Q(symbol_key=symbols.key(term)) | Q(pk__in=issuers)).values(
            "pk"
        )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                DocumentIssuer.prefetch("issuers"),
                Prefetch("files", queryset=DocumentFile.objects.only("document_id", "language")),
            )
        )

    def get_changeform_initial_data(self, request):
        return {"in_language_en": True, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("files"))
    def file_languages(self, obj):
        return " ".join(row.language for row in obj.files.all())

    @admin.display(description=_("issued by"))
    def issued_by_list(self, obj):
        return ", ".join(s.acronym or s.name for s in obj.ordered_issuers)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        # After saving: only then does an uploaded cover have its final name in storage.
        services.refresh_renditions(obj)
