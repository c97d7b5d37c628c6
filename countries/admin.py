from django.contrib import admin
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.admin_forms import (
    CleanTextModelAdmin,
    CleanTextTabularInline,
    TranslatedAdmin,
    in_every_language,
)
from countries.models import Chairpersonship, Country, CountryAlias
from redirects.admin import OldAddressesAdminMixin


class CountryAliasInline(CleanTextTabularInline):
    model = CountryAlias
    extra = 1


@admin.register(Country)
class CountryAdmin(OldAddressesAdminMixin, CleanTextModelAdmin, TranslatedAdmin):
    list_display = ["name", "iso_code", "status", "joined_on", "alias_names"]
    list_filter = ["status"]
    search_fields = [*in_every_language("name"), "slug", "iso_code", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "iso_code", "status", "joined_on", "description"]
    inlines = [CountryAliasInline]
    date_hierarchy = "joined_on"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("aliases", queryset=CountryAlias.objects.order_by("name")))
        )

    @admin.display(description=_("also known as"))
    def alias_names(self, obj):
        return ", ".join(alias.name for alias in obj.aliases.all())


@admin.register(Chairpersonship)
class ChairpersonshipAdmin(CleanTextModelAdmin):
    list_display = ["year", "country", "is_current"]
    list_select_related = ["country"]
    search_fields = [*in_every_language("country__name"), "country__aliases__name"]
    autocomplete_fields = ["country"]
    fields = ["year", "country"]

    @admin.display(boolean=True, description=_("current"))
    def is_current(self, obj):
        return obj.year == timezone.localdate().year
