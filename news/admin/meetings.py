from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import languages as content_languages
from core.admin_forms import TranslatedAdmin, in_every_language
from news.admin.publishing import PublishingAdmin, StateFilter
from news.models import Meeting, MeetingType


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
    # Searched through the full-text index in every language, the slug and the series
    # (`LargeTableAdmin.get_search_results`); listed for the search box.
    search_fields = [*in_every_language("title", "place"), "slug"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["meeting_type", "host_country", "organiser", "fields_of_work"]
    prepopulated_fields = {"slug": ["title"]}
    rich_text_fields = ("description",)

    def search_related(self, term):
        """Meetings of a series whose name in any language holds `term`."""
        names = Q()
        for code in content_languages.codes():
            names |= Q(**{f"name_{code}__icontains": term})
        return Meeting.objects.filter(
            meeting_type__in=MeetingType.objects.filter(names).values("pk")
        ).values("pk")

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
