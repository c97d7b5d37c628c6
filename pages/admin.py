"""Pages in the admin: the news admin's machinery (news.admin.publishing.PublishingAdmin:
roles, drafts and publishing, revisions with compare and restore, stale-save refusal, audit
lines), not a copy of it."""

import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_forms import TranslatedAdmin, in_every_language
from news.admin.publishing import PublishingAdmin, StateFilter
from pages.models import Page

reversion.register(Page)


@admin.register(Page)
class PageAdmin(PublishingAdmin, TranslatedAdmin):
    list_display = ["display_title", "state", "address", "parent", "menu", "footer", "position"]
    list_select_related = ["parent__parent"]
    list_filter = [StateFilter, "menu", "footer"]
    search_fields = [*in_every_language("title", "summary"), "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["title"]}
    rich_text_fields = ("body",)

    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "summary", "body"]}),
        (_("Place in the menu and the footer"), {"fields": ["menu", "footer", "position"]}),
        (_("Publishing"), {"fields": ["status", "publish_at", "expire_at"]}),
        (
            _("About this record"),
            {"fields": ["created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    @admin.display(description=_("address"))
    def address(self, obj):
        return obj.get_absolute_url()
