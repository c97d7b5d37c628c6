from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_forms import (
    CleanTextModelAdmin,
    CleanTextTabularInline,
    TranslatedAdmin,
    in_every_language,
)
from redirects.admin import OldAddressesAdminMixin
from structures.models import Structure, StructureAlias


class StructureAliasInline(CleanTextTabularInline):
    model = StructureAlias
    extra = 1


class LevelFilter(admin.SimpleListFilter):
    """The tree's top level alone is the usual way in; its "units" links go one level down."""

    title = _("level")
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return [("top", _("Top level")), ("units", _("Units of another structure"))]

    def queryset(self, request, queryset):
        if self.value() == "top":
            return queryset.filter(parent__isnull=True)
        if self.value() == "units":
            return queryset.filter(parent__isnull=False)
        return queryset


class OpenFilter(admin.SimpleListFilter):
    title = _("open or closed")
    parameter_name = "closed"

    def lookups(self, request, model_admin):
        return [("no", _("Open")), ("yes", _("Closed"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(closed_on__isnull=self.value() == "no")
        return queryset


@admin.register(Structure)
class StructureAdmin(OldAddressesAdminMixin, CleanTextModelAdmin, TranslatedAdmin):
    list_display = [
        "name",
        "acronym",
        "kind",
        "parent",
        "units",
        "host_country",
    ]
    list_select_related = ["parent", "host_country"]
    list_filter = [LevelFilter, "kind", OpenFilter]
    search_fields = [*in_every_language("name"), "acronym", "slug", "aliases__name"]
    # Explicit: Meta.ordering does not apply to the annotated (GROUP BY) queryset below.
    ordering = ["position", "name"]
    autocomplete_fields = ["parent", "host_country"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "running_name", "slug", "acronym", "kind"]}),
        (
            _("Place in the organisation"),
            {"fields": ["parent", "position", "host_country", "location"]},
        ),
        (None, {"fields": ["description", "established_on", "closed_on"]}),
        (_("Contacts"), {"fields": ["address", "phone", "email", "website"]}),
    ]
    inlines = [StructureAliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(unit_count=Count("children", distinct=True))

    @admin.display(description=_("units"), ordering="unit_count")
    def units(self, obj):
        if not obj.unit_count:
            return "–"
        url = reverse("admin:structures_structure_changelist")
        return format_html(
            '<a href="{}?parent__id__exact={}">{}</a>',
            url,
            obj.pk,
            ngettext("%(count)d unit", "%(count)d units", obj.unit_count)
            % {"count": obj.unit_count},
        )
