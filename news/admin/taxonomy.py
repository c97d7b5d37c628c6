from django.contrib import admin

from osce_site.admin_forms import CleanTextModelAdmin

from ..models import FieldOfWork, MeetingType


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(CleanTextModelAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "position", "description"]


@admin.register(MeetingType)
class MeetingTypeAdmin(CleanTextModelAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "position", "description"]
