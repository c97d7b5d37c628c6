"""The redirects in the admin: editors see them, publishers may delete one (a deleted redirect
makes the old address a 404 again). They are never added or edited by hand: they are
recorded when a slug changes (redirects.recording).

`OldAddressesAdminMixin` shows, on an object's change form, the old addresses that lead to it.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_forms import CleanTextModelAdmin
from redirects.lookup import old_slugs
from redirects.models import SlugRedirect
from redirects.recording import redirected_models


class TypeFilter(admin.SimpleListFilter):
    title = _("type")
    parameter_name = "type"

    def lookups(self, request, model_admin):
        types = ContentType.objects.get_for_models(*redirected_models())
        return sorted(
            ((str(types[model].pk), model._meta.verbose_name_plural) for model in types),
            key=lambda pair: str(pair[1]),
        )

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(content_type_id=int(value))


@admin.register(SlugRedirect)
class SlugRedirectAdmin(CleanTextModelAdmin):
    list_display = ["old_address", "type_name", "target_link", "current_address", "created_at"]
    list_filter = [TypeFilter]
    search_fields = ["old_slug"]
    fields = ["old_address", "type_name", "target_link", "current_address", "created_at"]
    readonly_fields = fields
    list_per_page = 50

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("content_type").prefetch_related("target")
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("old address"), ordering="old_slug")
    def old_address(self, obj):
        return obj.get_absolute_url()

    @admin.display(description=_("type"), ordering="content_type")
    def type_name(self, obj):
        return obj.content_type.model_class()._meta.verbose_name

    @admin.display(description=_("leads to"))
    def target_link(self, obj):
        target = obj.target
        if target is None:
            return "-"
        opts = target._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk])
        except NoReverseMatch:
            return str(target)
        return format_html('<a href="{}">{}</a>', url, target)

    @admin.display(description=_("current address"))
    def current_address(self, obj):
        target = obj.target
        return target.get_absolute_url() if target is not None else "-"


class OldAddressesAdminMixin:
    """For the admins of models whose old addresses redirect: the change form lists the old
    addresses that redirect to the object (`old_addresses`, shown by
    templates/admin/change_form.html)."""

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.pk is not None and type(obj) in redirected_models():
            context["old_addresses"] = [redirect.get_absolute_url() for redirect in old_slugs(obj)]
            context["old_addresses_changelist"] = (
                reverse("admin:redirects_slugredirect_changelist")
                + "?"
                + f"type={ContentType.objects.get_for_model(type(obj)).pk}"
            )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)
