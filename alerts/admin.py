"""What staff see of the alerts: the filters people follow and how many follow each, never
who. Addresses are not in the admin at all (`Subscriber` is not registered); publishers may
view the filters (website.roles), editors see nothing of the alerts."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .filters import describe
from .models import AlertFilter


@admin.register(AlertFilter)
class AlertFilterAdmin(admin.ModelAdmin):
    list_display = ("description", "listing", "language", "confirmed", "unconfirmed")
    list_filter = ("listing", "language")
    fields = ("listing", "language", "query", "created_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_count=Count(
                    "subscriptions", filter=Q(subscriptions__confirmed_at__isnull=False)
                ),
                unconfirmed_count=Count(
                    "subscriptions", filter=Q(subscriptions__confirmed_at__isnull=True)
                ),
            )
            .order_by("-confirmed_count", "pk")
        )

    @admin.display(description=_("filter"))
    def description(self, obj):
        return describe(obj.listing, obj.language, obj.query)

    @admin.display(description=_("confirmed subscriptions"), ordering="confirmed_count")
    def confirmed(self, obj):
        return obj.confirmed_count

    @admin.display(description=_("awaiting confirmation"), ordering="unconfirmed_count")
    def unconfirmed(self, obj):
        return obj.unconfirmed_count

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
