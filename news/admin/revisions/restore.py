"""Restoring an old revision (or recovering a deleted item) through the change form."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext
from reversion.models import Version

from core.publishing import Status
from news.admin.revisions.audit import audit
from news.admin.revisions.registration import FOLLOWS
from news.admin.revisions.restore_plan import (
    DROP_LANGUAGE_KEY,
    PUBLISHING_FIELDS,
    RESTORE_STATUS_KEY,
    RestorePlan,
    columns,
)
from news.admin.revisions.stale import version_token

# What a restore request may not carry: what would save something other than the restored
# object ("save as new", a change-form action, whose own field is `<location>-action`), or
# answer as a popup (Django's answer needs a named `object_id`; django-reversion's URLs have none).
RESTORE_REFUSED_KEYS = {
    "_saveasnew",
    "action",
    "index",
    ACTION_CHECKBOX_NAME,
    "_popup",
    "_to_field",
}


@dataclass
class Restoring:
    """A restore (or recover) in progress: which version, and the object's state before."""

    event: str
    version: Version
    before: dict | None
    plan: RestorePlan | None = None
    saved: bool = False
    audit_line: tuple | None = None

    def is_of(self, obj):
        return obj._meta.concrete_model is self.version._model and str(obj.pk) == (
            self.version.object_id
        )

    status_restored: bool = False
    dropped: tuple = ()

    def choices(self):
        """What the person chose on the restore form, for the audit line."""
        if self.plan is None:
            return {}
        choices = {"status": "restored" if self.status_restored else "kept"}
        if self.dropped:
            choices["dropped"] = ",".join(self.dropped)
        return choices

    def log_message(self):
        # Stored untranslated, as Django's own change messages are.
        moment = self.version.revision.date_created.isoformat(sep=" ", timespec="seconds")
        verb = "Recovered from" if self.event == "recover" else "Restored"
        message = f"{verb} the revision of {moment} (revision {self.version.revision_id})."
        if self.plan is not None:
            message += " Its status was restored too." if self.status_restored else " Status kept."
        if self.dropped:
            message += f" Dropped the text in: {', '.join(self.dropped)}."
        return message


class OwnVersionMixin:
    """Which version a revision or recover URL may name: one of this admin's model, from a
    revision holding only that object and the rows it follows (FOLLOWS). Shared by every
    admin with django-reversion's views: `RestoreMixin` (publishable content) and the
    field-operation profiles, which restore through django-reversion's own views."""

    def _own_version(self, version_id, **filters):
        """A version of this admin's model, or 404. The URL's id alone would also find another
        model's version, whose object this admin would then check and save as one of its own."""
        version = (
            Version.objects.get_for_model(self.model)
            .filter(pk=version_id, **filters)
            .select_related("revision")
            .first()
        )
        if version is None:
            raise Http404
        return version

    def _outside_versions(self, version):
        """What else the version's revision holds besides the object and the rows it follows
        (a revision made by a script may hold several items): django-reversion reverts a
        revision whole, so restoring it here would rewind those too, unrecorded."""
        followed = {}
        for name in FOLLOWS.get(self.model, ()):
            relation = self.model._meta.get_field(name)
            content_type = ContentType.objects.get_for_model(relation.related_model)
            followed[content_type.pk] = relation.field.attname
        return [
            other
            for other in version.revision.version_set.exclude(pk=version.pk)
            if other.content_type_id not in followed
            or str(other.field_dict.get(followed[other.content_type_id])) != version.object_id
        ]

    def _own_whole_version(self, version_id, **filters):
        """`_own_version`, refused outright when its revision holds anything else: for
        django-reversion's own views, which would revert the whole revision."""
        version = self._own_version(version_id, **filters)
        if self._outside_versions(version):
            raise PermissionDenied
        return version


class RestoreMixin(OwnVersionMixin):
    """The revision and recover views of `RevisionAdmin`."""

    def _may_restore(self, request, version, current):
        """Publishers restore anything; an editor only a draft revision over a draft (or over
        nothing, for a recover)."""
        if self.has_publish_permission(request):
            return True
        return (current is None or current["status"] == Status.DRAFT) and version.field_dict.get(
            "status"
        ) == Status.DRAFT

    def _restore_refused(self, request, version, message=None):
        if request.method == "POST":
            raise PermissionDenied
        messages.error(
            request,
            message
            or gettext(
                "Only publishers can restore this revision: it, or the item as it is now, is "
                "published or scheduled. Ask a publisher to restore it."
            ),
        )
        if self.model._default_manager.filter(pk=version.object_id).exists():
            return redirect(self._admin_url("history", quote(version.object_id)))
        return redirect(self._admin_url("changelist"))

    def _restore(self, request, version, event, view):
        """Load `version` into the change form (GET) or restore it (POST), and keep a restore
        only if the change form saved this very object: then it has its revision, LogEntry
        and audit line. Anything else the form could answer with a redirect (a missing object,
        "save as new", a change-form action) would keep the reverted rows unrecorded."""
        if request.method not in ("GET", "POST"):
            # django-reversion mutes the save signals only for GET.
            return HttpResponseNotAllowed(["GET", "POST"])
        if any(
            key in RESTORE_REFUSED_KEYS or key.endswith("-action")
            for key in (*request.GET, *request.POST)
        ):
            raise BadRequest("A restore is saved with the change form's own buttons.")
        if self._outside_versions(version):
            return self._restore_refused(
                request,
                version,
                gettext(
                    "This revision also holds other items (saved by an import or a script): "
                    "restoring it here would change them too. Edit the item instead."
                ),
            )
        with transaction.atomic(using=version.db):
            # Checked under the row's lock, in the transaction that restores: a publisher's
            # publish cannot slip in between this check and the restore.
            rows = self.model._default_manager.filter(pk=version.object_id)
            if request.method == "POST":
                rows = rows.select_for_update()
            current = rows.values("updated_at", *columns(self.model)).first()
            if not self._may_restore(request, version, current):
                return self._restore_refused(request, version)
            plan = RestorePlan(self.model, current, version.field_dict) if current else None
            request._restoring = Restoring(event, version, current, plan)
            request._token_before_restore = version_token(current and current["updated_at"])
            response = view()
            restoring = request._restoring
            if request.method == "POST" and not restoring.saved:
                transaction.set_rollback(True)
        # Only now is it known that the restore was kept: django-reversion rolls back whatever
        # does not end in a redirect.
        if restoring.saved and restoring.audit_line and response.status_code == 302:
            obj, effect, details = restoring.audit_line
            audit(
                request,
                event,
                obj,
                effect=effect,
                version=version.pk,
                **details,
                **restoring.choices(),
            )
        return response

    def revision_view(self, request, object_id, version_id, extra_context=None):
        object_id = unquote(object_id)
        version = self._own_version(version_id, object_id=object_id)
        if not self.model._default_manager.filter(pk=object_id).exists():
            # A deleted object comes back through recover, which checks the add permission.
            raise Http404
        return self._restore(
            request,
            version,
            "restore",
            lambda: super(RestoreMixin, self).revision_view(
                request, quote(object_id), version_id, extra_context
            ),
        )

    def recover_view(self, request, version_id, extra_context=None):
        version = self._own_version(version_id)
        if self.model._default_manager.filter(pk=version.object_id).exists():
            # An object that exists is restored from its history, where what the restore
            # replaces is checked and shown.
            raise Http404
        return self._restore(
            request,
            version,
            "recover",
            lambda: super(RestoreMixin, self).recover_view(request, version_id, extra_context),
        )

    # What a restore keeps --------------------------------------------------------------------

    def _restoring_plan(self, request, obj=None):
        restoring = getattr(request, "_restoring", None)
        if restoring is None or restoring.plan is None:
            return None
        if obj is not None and not restoring.is_of(obj):
            return None
        return restoring.plan

    def _restores_status(self, request):
        """Only a publisher takes a revision's status, and only by ticking the box."""
        return (
            request.method == "POST"
            and bool(request.POST.get(RESTORE_STATUS_KEY))
            and self.has_publish_permission(request)
        )

    def get_object(self, request, object_id, from_field=None):
        # The reverted row, with what the restore keeps put back: the form shows (and a
        # restore saves) the item as it will be, not the revision as it was.
        obj = super().get_object(request, object_id, from_field)
        plan = obj is not None and self._restoring_plan(request, obj)
        if plan:
            plan.keep_current(obj, restore_status=self._restores_status(request))
        return obj

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if self._restoring_plan(request, obj) is None:
            return readonly
        # The status is kept, or the revision's taken, by the box on the restore form.
        return [*readonly, *(name for name in PUBLISHING_FIELDS if name not in readonly)]

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        plan = self._restoring_plan(request, obj)
        if plan is not None:
            context["restore_plan"] = plan
            context["may_restore_status"] = plan.status_differs and self.has_publish_permission(
                request
            )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def save_model(self, request, obj, form, change):
        plan = self._restoring_plan(request, obj)
        if plan is not None:
            restoring = request._restoring
            restoring.status_restored = self._restores_status(request)
            restoring.dropped = plan.drop(obj, request.POST.getlist(DROP_LANGUAGE_KEY))
        super().save_model(request, obj, form, change)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Not on a restore form: "Publish this item" there would act on the reverted rows,
        # outside the restore and unrecorded as one.
        if getattr(request, "_restoring", None) is not None:
            return {}
        return super().get_actions(request, action_location=action_location)

    # What a save records --------------------------------------------------------------------

    def state_before_save(self, request, obj):
        """What a save changes from; for a restore, the object before the old revision was
        loaded into its row (None for a recover)."""
        restoring = getattr(request, "_restoring", None)
        if restoring is not None:
            return restoring.before
        return self.model._default_manager.filter(pk=obj.pk).values("status", "publish_at").first()

    def audit_save(self, request, obj, event, **details):
        """One audit line per save. A restore's names the revision and what it did to the
        object, and is written once the restore is kept (see `_restore`)."""
        restoring = getattr(request, "_restoring", None)
        if restoring is None:
            audit(request, event, obj, **details)
        else:
            restoring.audit_line = (obj, event, details)

    def construct_change_message(self, request, form, formsets, add=False):
        restoring = getattr(request, "_restoring", None)
        if restoring is None:
            return super().construct_change_message(request, form, formsets, add)
        # The form was filled with the old revision, so its changed fields say nothing.
        return restoring.log_message()

    def response_change(self, request, obj):
        restoring = getattr(request, "_restoring", None)
        if restoring is not None and restoring.is_of(obj):
            restoring.saved = True
        return super().response_change(request, obj)
