from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import languages as content_languages
from core.admin_forms import TranslatedAdmin, in_every_language
from news import services
from news.admin.forms import NewsItemAdminForm
from news.admin.large_tables import related_filter
from news.admin.ordered_rows import OrderedRowsInline
from news.admin.publishing import PublishingAdmin, StateFilter
from news.models import NewsItem, NewsItemIssuer
from structures.models import Structure


class LanguageFilter(admin.SimpleListFilter):
    title = _("published in")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [
            (code, content_languages.name_translated(code)) for code in content_languages.codes()
        ]

    def queryset(self, request, queryset):
        if self.value() in content_languages.codes():
            return queryset.in_language(self.value())
        return queryset


class MissingLanguageFilter(admin.SimpleListFilter):
    """Items not yet published in a language: what a translator works through."""

    title = _("not yet in")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            (code, content_languages.name_translated(code)) for code in content_languages.codes()
        ]

    def queryset(self, request, queryset):
        if self.value() in content_languages.codes():
            return queryset.filter(**{f"in_language_{self.value()}": False})
        return queryset


class IssuerInline(OrderedRowsInline):
    model = NewsItemIssuer

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "position":
            formfield.help_text = _(
                "Lowest first; the first is the lead issuer. Equal numbers keep their order here."
            )
        return formfield


@admin.register(NewsItem)
class NewsItemAdmin(PublishingAdmin, TranslatedAdmin):
    form = NewsItemAdminForm
    list_display = [
        "display_title",
        "state",
        "languages",
        "type",
        "issued_on",
        "issued_by_list",
        "publish_at",
    ]
    list_filter = [
        StateFilter,
        LanguageFilter,
        MissingLanguageFilter,
        "type",
        related_filter("fields_of_work"),
    ]
    # Searched through the full-text index in every language, the slug and the issuers
    # (`LargeTableAdmin.get_search_results`); listed for the search box and the form's help.
    search_fields = [*in_every_language("title", "teaser"), "slug"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["fields_of_work", "countries", "library_image"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [IssuerInline]
    fieldsets = [
        (
            None,
            {
                "fields": ["in_language", "title", "slug", "type", "teaser", "body", "issued_on"],
                "description": _(
                    "Choose the language above. Tick “Published in this language” in each "
                    "language the item is ready in: visitors reading the site in another "
                    "language do not see it in their listings."
                ),
            },
        ),
        (_("Tags"), {"fields": ["fields_of_work", "countries"]}),
        (
            _("Image"),
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
        (_("Publishing"), {"fields": ["status", "publish_at", "expire_at", "featured_until"]}),
        (
            _("About this record"),
            {
                "fields": ["source_url", "author", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = ["author"]
    rich_text_fields = ("body",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(NewsItemIssuer.prefetch("issuers"))

    def search_related(self, term):
        """Items issued by a structure named, abbreviated or aliased as `term`."""
        return NewsItemIssuer.objects.filter(structure__in=Structure.objects.named(term)).values(
            "news_item_id"
        )

    def get_changeform_initial_data(self, request):
        return {
            "issued_on": timezone.localdate(),
            "in_language_en": True,
            **super().get_changeform_initial_data(request),
        }

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return " ".join(code.upper() for code in content_languages.item_languages(obj))

    @admin.display(description=_("issued by"))
    def issued_by_list(self, obj):
        return ", ".join(structure.acronym or structure.name for structure in obj.ordered_issuers)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        if self.saves_working_draft(request):
            return  # the row was not written (news.admin.editorial)
        # After saving: only then does an uploaded image have its final name in storage.
        services.refresh_renditions(obj)
