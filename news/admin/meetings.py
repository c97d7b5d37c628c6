from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_forms import TranslatedAdmin, in_every_language
from news.admin.publishing import ParentEditableInline, PublishingAdmin, StateFilter
from news.models import Meeting, MeetingDocument


class DocumentInline(ParentEditableInline):
    model = MeetingDocument
    fields = ["title", "url", "position"]
    extra = 1


@admin.register(Meeting)
class MeetingAdmin(PublishingAdmin, TranslatedAdmin):
    list_display = [
        "display_title",
        "state",
        "meeting_type",
        "start_date",
        "end_date",
        "place",
        "host_country",
        "organiser",
    ]
    list_select_related = ["meeting_type", "host_country", "organiser"]
    list_filter = [StateFilter, "meeting_type"]
    search_fields = [
        *in_every_language("title", "place", "meeting_type__name"),
        "slug",
    ]
    date_hierarchy = "start_date"
    autocomplete_fields = ["meeting_type", "host_country", "organiser", "fields_of_work"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [DocumentInline]
    rich_text_fields = ("description",)

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "meeting_type",
                    ("start_date", "end_date"),
                    "place",
                    "host_country",
                    "organiser",
                    "fields_of_work",
                    "description",
                ]
            },
        ),
        (_("Publishing"), {"fields": ["status", "publish_at", "expire_at"]}),
        (
            _("About this record"),
            {"fields": ["created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]
