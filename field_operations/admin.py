"""Profiles in the admin: one page per field operation with its offices and its figures as
inlines, revisions of the three together (django-reversion: history, compare by version,
recover), an audit line per save and delete. Editors and publishers both keep them
(website.roles): a profile is reference information, not a publication with a draft state."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline
from reversion.admin import VersionAdmin

from core.admin_forms import (
    CleanTextModelAdmin,
    CleanTextStackedInline,
    CleanTextTabularInline,
    TranslatedAdmin,
)
from core.richtext import RichTextField, RichTextWidget
from field_operations.models import FieldOperationProfile, Figures, Office
from news.admin.revisions import registration
from news.admin.revisions.audit import audit
from news.admin.revisions.restore import OwnVersionMixin

registration.register(FieldOperationProfile, [("offices", Office), ("figures", Figures)])


class OfficeInline(TranslationTabularInline, CleanTextTabularInline):
    """The city in every language (modeltranslation's columns)."""

    model = Office
    fields = ["city", "country", "is_head_office", "position"]
    autocomplete_fields = ["country"]
    extra = 0


class FiguresInline(CleanTextStackedInline):
    model = Figures
    fields = [
        ("year", "as_of"),
        ("budget", "staff_international", "staff_local"),
        ("source_symbol", "source_url"),
    ]
    extra = 0


@admin.register(FieldOperationProfile)
class FieldOperationProfileAdmin(
    OwnVersionMixin, VersionAdmin, CleanTextModelAdmin, TranslatedAdmin
):
    list_display = ["structure", "established_by", "head_name", "latest_year"]
    list_select_related = ["structure"]
    search_fields = ["structure__name", "structure__acronym", "head_name", "established_by"]
    autocomplete_fields = ["structure"]
    formfield_overrides = {RichTextField: {"widget": RichTextWidget}}
    history_latest_first = True
    fieldsets = [
        (None, {"fields": ["structure", "mandate", "established_by"]}),
        (_("Head of mission"), {"fields": ["head_name", "head_title", "head_since"]}),
    ]
    inlines = [OfficeInline, FiguresInline]

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # django-reversion reverts the whole revision of the version the URL names: only a
        # profile's, from a revision of nothing but it, its offices and its figures.
        self._own_whole_version(version_id, object_id=unquote(object_id))
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self._own_whole_version(version_id)
        return super().recover_view(request, version_id, extra_context)

    @admin.display(description=_("latest figures"))
    def latest_year(self, obj):
        years = [row.year for row in obj.figures.all()]
        return max(years) if years else "–"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("figures")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        audit(request, "change" if change else "add", form.instance)

    def delete_model(self, request, obj):
        audit(request, "delete", obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit(request, "delete", obj)
        super().delete_queryset(request, queryset)
