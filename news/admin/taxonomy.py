from django.contrib import admin

from core.admin_forms import CleanTextModelAdmin, TranslatedAdmin, in_every_language
from news.models import FieldOfWork, MeetingType
from redirects.admin import OldAddressesAdminMixin


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(OldAddressesAdminMixin, CleanTextModelAdmin, TranslatedAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = [*in_every_language("name"), "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "position", "description"]


@admin.register(MeetingType)
class MeetingTypeAdmin(CleanTextModelAdmin, TranslatedAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = [*in_every_language("name"), "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "position", "description"]
