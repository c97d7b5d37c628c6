"""The changelist's and change form's Publish / Unpublish actions, for publishers only: each
item saved through `news.services` with a revision, a history line and an audit line of its
own, and one message per outcome (published, scheduled, unchanged)."""

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news import services
from news.admin.publish_reason import REASON_FIELD
from news.admin.review import record as record_step
from news.admin.revisions.audit import audit
from news.admin.revisions.registration import item_revision
from news.audit import field_labels

BOTH_LOCATIONS = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


class PublishingActionsMixin:
    def _names(self, count):
        return self.opts.verbose_name if count == 1 else self.opts.verbose_name_plural

    def _log_changed(self, request, obj, changed):
        self.log_change(request, obj, [{"changed": {"fields": field_labels(self.model, changed)}}])

    @admin.action(
        permissions=["publish"],
        description=_("Publish this %(verbose_name)s"),
        description_plural=_("Publish selected %(verbose_name_plural)s"),
        location=BOTH_LOCATIONS,
    )
    def publish_selected(self, request, queryset):
        asking = self.ask_publish_reason(request, queryset)
        if asking is not None:
            return asking
        reason = request.POST[REASON_FIELD].strip()[:1000]
        now = timezone.now()
        published = scheduled = unchanged = 0
        for obj in queryset:
            # A revision of its own per item; one that is not saved makes none.
            with item_revision(request):
                changed = services.publish(obj, now=now)
                if changed:
                    self._log_changed(request, obj, changed)
            if not changed:
                unchanged += 1
                continue
            if obj.publish_at > now:
                scheduled += 1
            else:
                published += 1
            audit(request, "schedule" if obj.is_scheduled else "publish", obj)
            record_step(request, obj, "publish_without_review", reason)
        if published:
            self.message_user(
                request,
                ngettext(
                    "Published %(count)d %(name)s: it is live now.",
                    "Published %(count)d %(name)s: they are live now.",
                    published,
                )
                % {"count": published, "name": self._names(published)},
                messages.SUCCESS,
            )
        if scheduled:
            self.message_user(
                request,
                ngettext(
                    "Scheduled %(count)d %(name)s: it goes live at its publish time.",
                    "Scheduled %(count)d %(name)s: they go live at their publish times.",
                    scheduled,
                )
                % {"count": scheduled, "name": self._names(scheduled)},
                messages.SUCCESS,
            )
        if unchanged:
            self.message_user(
                request,
                ngettext(
                    "%(count)d %(name)s was already published or scheduled and is unchanged.",
                    "%(count)d %(name)s were already published or scheduled and are unchanged.",
                    unchanged,
                )
                % {"count": unchanged, "name": self._names(unchanged)},
                messages.INFO if published or scheduled else messages.WARNING,
            )

    @admin.action(
        permissions=["publish"],
        description=_("Unpublish this %(verbose_name)s"),
        description_plural=_("Unpublish selected %(verbose_name_plural)s"),
        location=BOTH_LOCATIONS,
    )
    def unpublish_selected(self, request, queryset):
        unpublished = unchanged = 0
        for obj in queryset:
            with item_revision(request):
                changed = services.unpublish(obj)
                if changed:
                    self._log_changed(request, obj, changed)
            if not changed:
                unchanged += 1
                continue
            audit(request, "unpublish", obj)
            unpublished += 1
        if unpublished:
            self.message_user(
                request,
                ngettext(
                    "Unpublished %(count)d %(name)s: it is a draft again.",
                    "Unpublished %(count)d %(name)s: they are drafts again.",
                    unpublished,
                )
                % {"count": unpublished, "name": self._names(unpublished)},
                messages.SUCCESS,
            )
        if unchanged:
            self.message_user(
                request,
                ngettext(
                    "%(count)d %(name)s was already a draft and is unchanged.",
                    "%(count)d %(name)s were already drafts and are unchanged.",
                    unchanged,
                )
                % {"count": unchanged, "name": self._names(unchanged)},
                messages.INFO if unpublished else messages.WARNING,
            )
