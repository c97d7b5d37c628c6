"""The revision machinery as one ModelAdmin base."""

import contextlib
import datetime

from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from reversion.admin import VersionAdmin
from reversion.models import Version

from news.admin.revisions.audit import audit, user_label
from news.admin.revisions.compare import compare_versions
from news.admin.revisions.restore import RestoreMixin
from news.admin.revisions.stale import TOKEN_FIELD, same_moment, version_token
from news.admin.states import format_moment

HISTORY_LENGTH = 200


class RevisionAdmin(RestoreMixin, VersionAdmin):
    """Mixed into `PublishingAdmin` (see there for who may publish)."""

    object_history_template = "admin/news/revision_history.html"
    revision_form_template = "admin/news/revision_form.html"
    recover_form_template = "admin/news/revision_form.html"
    history_latest_first = True

    @contextlib.contextmanager
    def create_revision(self, request):
        """Only a request that can save opens a revision (and its transaction)."""
        if request.method in ("GET", "HEAD", "OPTIONS"):
            yield
            return
        with super().create_revision(request):
            yield

    # Tokens -------------------------------------------------------------------------------

    def _stored_token(self, object_id, lock=False):
        rows = self.model._default_manager.filter(pk=object_id)
        if lock:
            # Inside the change view's transaction: nobody saves between this check and ours.
            rows = rows.select_for_update()
        return version_token(rows.values_list("updated_at", flat=True).first())

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or obj.pk is None:
            return form
        token = getattr(request, "_token_before_restore", None)
        if token is None:
            # On POST, read again under a row lock; on GET the object was just loaded.
            token = (
                self._stored_token(obj.pk, lock=True)
                if request.method == "POST"
                else version_token(obj.updated_at)
            )
        return type(
            form.__name__,
            (form,),
            {
                "current_token": token,
                "stale_details": lambda _form, loaded: self._changes_since(obj.pk, loaded),
            },
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        (name, options), *rest = fieldsets
        hidden = [TOKEN_FIELD]
        if "loaded_status" in getattr(self.form, "base_fields", {}):
            hidden.append("loaded_status")
        return [(name, {**options, "fields": [*options["fields"], *hidden]}), *rest]

    def _changes_since(self, object_id, loaded):
        """Who saved the item after the form was opened, when, and what changed."""
        obj = self.model._default_manager.get(pk=object_id)
        versions = list(
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision__user")
            .order_by("-pk")[:50]
        )
        latest = versions[0] if versions else None
        try:
            loaded_at = datetime.datetime.fromisoformat(loaded)
        except ValueError:  # not a token this admin wrote: nothing to compare it with
            loaded_at = None
        opened = next(
            (v for v in versions if same_moment(v.field_dict.get("updated_at"), loaded_at)),
            None,
        )
        if latest is not None and same_moment(latest.field_dict.get("updated_at"), obj.updated_at):
            who = user_label(latest.revision.user)
        else:
            entry = (
                LogEntry.objects.filter(
                    content_type=ContentType.objects.get_for_model(self.model),
                    object_id=str(object_id),
                )
                .select_related("user")
                .order_by("-action_time")
                .first()
            )
            who = user_label(entry.user if entry else None)
        changes = compare_versions(opened, latest) if opened and latest else []
        return who, format_moment(obj.updated_at), changes

    # Revisions ----------------------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        # Not one revision for the whole page, as VersionAdmin does: the bulk actions record
        # one revision per item (see `item_revision`).
        context = {"has_change_permission": self.has_change_permission(request)}
        return super(VersionAdmin, self).changelist_view(
            request, {**context, **(extra_context or {})}
        )

    def _admin_url(self, name, *args):
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="{}_{}_compare".format(*info),
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        versions = (
            Version.objects.get_for_object(obj)
            .select_related("revision__user")
            .order_by("-pk")[:HISTORY_LENGTH]
        )
        context = {
            "action_list": [
                {
                    "revision": version.revision,
                    "version_id": version.pk,
                    "url": self._admin_url("revision", quote(obj.pk), version.pk),
                }
                for version in versions
            ],
            "compare_url": self._admin_url("compare", quote(obj.pk)),
            # Steps that write no revision: drafts of changes and review (news.admin.review).
            "workflow_entries": self._workflow_entries(obj),
            "may_restore": self.has_change_permission(request, obj),
            **(extra_context or {}),
        }
        # Django's view (permissions, layout) with the revisions as its list.
        return super(VersionAdmin, self).history_view(request, object_id, context)

    def workflow_messages(self):
        """How the history messages of steps that keep no revision begin (none here)."""
        return []

    def _workflow_entries(self, obj):
        messages_ = self.workflow_messages()
        if not messages_:
            return []
        starts = Q()
        for message in messages_:
            starts |= Q(change_message__startswith=message)
        return list(
            LogEntry.objects.filter(
                starts,
                content_type=ContentType.objects.get_for_model(self.model),
                object_id=str(obj.pk),
            )
            .select_related("user")
            .order_by("-action_time")[:HISTORY_LENGTH]
        )

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        ids = [request.GET.get(side, "") for side in ("before", "after")]
        if not all(value.isdecimal() and 0 < int(value) < 2**63 for value in ids):
            messages.error(request, gettext("Choose two revisions of this item to compare."))
            return redirect(self._admin_url("history", quote(obj.pk)))
        # Only this object's versions: another model's or object's are not shown here.
        chosen = Version.objects.get_for_object(obj).select_related("revision__user")
        chosen = list(chosen.filter(pk__in=ids).order_by("pk"))
        if len(chosen) != len(set(ids)):
            raise Http404
        before, after = chosen if len(chosen) == 2 else chosen * 2
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": gettext("Compare revisions of “%(item)s”") % {"item": obj},
            "subtitle": None,
            "before": before,
            "after": after,
            "changes": compare_versions(before, after),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/news/compare.html", context)

    # Deletion -----------------------------------------------------------------------------

    def log_deletions(self, request, queryset):
        # Called before the rows go, by the delete view and the bulk delete action alike.
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            audit(request, "delete", obj)
        return entries
