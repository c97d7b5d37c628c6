from django.contrib import admin
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import NewsItem, NewsItemIssuer
from .forms import IssuerFormSet, NewsItemAdminForm
from .publishing import ParentEditableInline, PublishingAdmin, StateFilter


class IssuerInline(ParentEditableInline):
    model = NewsItemIssuer
    formset = IssuerFormSet
    fields = ["structure", "position"]
    autocomplete_fields = ["structure"]
    min_num = 1
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, validate_min=True, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "position":
            formfield.help_text = _(
                "Lowest first; the first is the lead issuer. Equal numbers keep their order here."
            )
        return formfield


@admin.register(NewsItem)
class NewsItemAdmin(PublishingAdmin):
    form = NewsItemAdminForm
    list_display = ["title", "state", "type", "issued_on", "issued_by_list", "publish_at"]
    list_filter = [StateFilter, "type", "fields_of_work"]
    search_fields = ["title", "slug", "teaser", "issued_by__name", "issued_by__acronym"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["fields_of_work", "countries"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [IssuerInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "type", "teaser", "body", "issued_on"]}),
        (_("Tags"), {"fields": ["fields_of_work", "countries"]}),
        (
            _("Image"),
            {
                "fields": ["image", "image_alt", "image_caption", "image_credit"],
                "description": _("JPEG, PNG, WebP or GIF, at most 20 MB and 40 megapixels."),
            },
        ),
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
    rich_text_fields = ("body",)

    @admin.display(description=_("body"))
    def rendered_body(self, obj):
        return self.render_rich_text(obj.body)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "issuers",
                    queryset=NewsItemIssuer.objects.select_related("structure").order_by(
                        "position"
                    ),
                )
            )
        )

    def get_changeform_initial_data(self, request):
        return {"issued_on": timezone.localdate(), **super().get_changeform_initial_data(request)}

    @admin.display(description=_("issued by"))
    def issued_by_list(self, obj):
        return ", ".join(structure.acronym or structure.name for structure in obj.ordered_issuers)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
