"""Editors' data is safe: revisions, comparison, restore, stale-save refusal, audit log.

- Every save through the admin keeps a revision (django-reversion): who, when, and the item
  with its issuers or documents as they were. Bulk actions record one revision per item, so
  restoring one item never rewinds another that happened to be published alongside it.
- The history page compares any two revisions field by field, and restores one (the restore
  form is the change form filled with the old values; saving it brings the item back exactly,
  its issuers or documents included). An editor restores only a draft revision of a draft:
  a restore must never publish, or unpublish, what only a publisher may.
- Each revision, recover, history and compare URL takes only versions of its own model and
  object (404 otherwise); recover only what was deleted, the revision URL only what exists. A
  restore is kept only if the change form saved that very object, so each has its revision,
  a LogEntry and an audit line naming the revision and what it did (`effect=unpublish`); and
  a revision that also holds other items (made by a script) is not restored from here.
- A change form carries the `updated_at` of the item it was opened on. If the item was saved
  in between (another editor, another tab), the save is refused with who changed it, when,
  and what; the form keeps the editor's input, and saving again then is a deliberate choice.
- Publish, unpublish, delete and restore are written to the admin's LogEntry history and, as
  one structured line each, to the `osce.audit` logger for the operators' log collector.
"""

import contextlib
import datetime
import difflib
from dataclasses import dataclass

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext
from modeltranslation.translator import translator
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.client_ip import client_ip
from core.publishing import Status
from core.richtext import RichTextField, html_to_text
from news import audit as news_audit
from news.models import Meeting, MeetingDocument, NewsItem, NewsItemIssuer
from structures.models import Structure

# What a revision of each model holds besides the object: its rows (issuers, documents).
FOLLOWS = {NewsItem: ["issuers"], Meeting: ["documents"]}
reversion.register(NewsItemIssuer)
reversion.register(NewsItem, follow=FOLLOWS[NewsItem])
reversion.register(MeetingDocument)
reversion.register(Meeting, follow=FOLLOWS[Meeting])

TOKEN_FIELD = "loaded_version"
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
# Derived or bookkeeping columns: they change with the fields an editor edits, or by themselves.
NOT_COMPARED = {"id", "created_at", "updated_at", "body_text", "description_text"}
NOT_COMPARED_TYPES = (models.JSONField,)
SUMMARY_LENGTH = 80
HISTORY_LENGTH = 200


def audit(request, event, obj, **details):
    """The audit line of an admin request: `news.audit.audit` with the request's user and
    client address."""
    news_audit.audit(request.user, event, obj, ip=client_ip(request), **details)


def version_token(updated_at):
    return updated_at.isoformat() if updated_at else ""


def same_moment(first, second):
    """Revisions store times to the millisecond (Django's JSON serialiser), rows to the
    microsecond: compare at the coarser precision."""
    if first is None or second is None:
        return False
    return first.replace(microsecond=first.microsecond // 1000 * 1000) == second.replace(
        microsecond=second.microsecond // 1000 * 1000
    )


def format_moment(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def user_label(user):
    if user is None:
        return gettext("an unknown user")
    return user.get_full_name() or user.get_username()


def item_revision(request, comment=""):
    """A revision of its own around one item's save in a bulk action (`news.audit`)."""
    return news_audit.item_revision(request.user, comment)


@dataclass
class Restoring:
    """A restore (or recover) in progress: which version, and the object's state before."""

    event: str
    version: Version
    before: dict | None
    saved: bool = False
    audit_line: tuple | None = None

    def is_of(self, obj):
        return obj._meta.concrete_model is self.version._model and str(obj.pk) == (
            self.version.object_id
        )

    def log_message(self):
        # Stored untranslated, as Django's own change messages are.
        moment = self.version.revision.date_created.isoformat(sep=" ", timespec="seconds")
        verb = "Recovered from" if self.event == "recover" else "Restored"
        return f"{verb} the revision of {moment} (revision {self.version.revision_id})."


# Comparison ------------------------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def before_html(self):
        return _marked_diff(self.before, self.after, keep="before")

    @property
    def after_html(self):
        return _marked_diff(self.before, self.after, keep="after")

    @property
    def summary(self):
        return format_html(
            "{}: “{}” → “{}”",
            self.label,
            Truncator(self.before or "—").chars(SUMMARY_LENGTH),
            Truncator(self.after or "—").chars(SUMMARY_LENGTH),
        )


def _marked_diff(before, after, keep):
    """The words of one side, with what the other side lacks marked `<del>` or `<ins>`."""
    old, new = before.split(" "), after.split(" ")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if keep == "before":
            words, changed, mark = " ".join(old[i1:i2]), tag in ("replace", "delete"), "del"
        else:
            words, changed, mark = " ".join(new[j1:j2]), tag in ("replace", "insert"), "ins"
        if not words:
            continue
        if changed:
            parts.append(format_html("<{}>{}</{}>", mark, words, mark))
        else:
            parts.append(format_html("{}", words))
    return mark_safe(" ".join(parts)) if parts else "—"


def _compared_fields(model):
    # A translated field's own column holds whichever language was saved last
    # (django-modeltranslation); its per-language columns (title_en, ...) are compared.
    translated = set(translator.get_options_for_model(model).all_fields)
    for field in model._meta.get_fields():
        if field.name in NOT_COMPARED or isinstance(field, NOT_COMPARED_TYPES):
            continue
        if field.name in translated or field.name.rsplit("_", 1)[0] in NOT_COMPARED:
            continue
        if isinstance(field, models.ManyToManyField):
            # One with its own rows (issuers) is compared as a followed relation.
            if field.remote_field.through._meta.auto_created:
                yield field
        elif field.concrete and field.editable:
            yield field


def _display(field, value, related_names):
    if value in (None, "", []):
        return ""
    if field.many_to_many:
        return ", ".join(related_names[field.name].get(pk, f"#{pk}") for pk in value)
    if field.is_relation:
        return related_names[field.name].get(value, f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, RichTextField):
        return html_to_text(value)
    if isinstance(field, models.DateTimeField):
        return format_moment(value)
    if isinstance(field, models.DateField):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def _related_names(model, field_dicts):
    """`{field name: {pk: str(object)}}` for every relation any of the versions points to:
    one query per relation field, whatever the number of values."""
    names = {}
    for field in _compared_fields(model):
        if not field.is_relation:
            continue
        pks = set()
        for data in field_dicts:
            value = data.get(field.attname)
            if field.many_to_many:
                pks.update(value or [])
            elif value is not None:
                pks.add(value)
        related = field.related_model._default_manager.in_bulk(pks) if pks else {}
        names[field.name] = {pk: str(obj) for pk, obj in related.items()}
    return names


def _followed_rows(version):
    """What a revision held besides the item: its issuers (in order) or its documents."""
    rows = version.revision.version_set.exclude(pk=version.pk).select_related("content_type")
    if version._model is NewsItem:
        issuers = sorted(
            (row.field_dict for row in rows if row.content_type.model_class() is NewsItemIssuer),
            key=lambda data: data["position"],
        )
        return "issuers", [data["structure_id"] for data in issuers]
    if version._model is Meeting:
        documents = sorted(
            (row.field_dict for row in rows if row.content_type.model_class() is MeetingDocument),
            key=lambda data: (data["position"], data["id"]),
        )
        return "documents", [f"{data['title']} ({data['url']})" for data in documents]
    return None, []


def compare_versions(before, after):
    """The fields that differ between two versions of one object, in form order."""
    model = before._model
    dicts = [before.field_dict, after.field_dict]
    related = _related_names(model, dicts)
    changes = []
    for field in _compared_fields(model):
        old = _display(field, dicts[0].get(field.attname), related)
        new = _display(field, dicts[1].get(field.attname), related)
        if old != new:
            changes.append(FieldChange(str(capfirst(field.verbose_name)), old, new))
    (name, old_rows), (_name, new_rows) = _followed_rows(before), _followed_rows(after)
    if name == "issuers":
        structures = Structure.objects.in_bulk({*old_rows, *new_rows})
        old_rows = [str(structures.get(pk, f"#{pk}")) for pk in old_rows]
        new_rows = [str(structures.get(pk, f"#{pk}")) for pk in new_rows]
    if name and old_rows != new_rows:
        label = model._meta.get_field(name).related_model._meta.verbose_name_plural
        changes.append(FieldChange(str(capfirst(label)), ", ".join(old_rows), ", ".join(new_rows)))
    return changes


# Stale saves -----------------------------------------------------------------------------


class StaleEditForm(forms.ModelForm):
    """Declares the hidden token; `RevisionAdmin.get_form` tells each form what is current."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    current_token = ""
    stale_details = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD].initial = self.current_token

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get(TOKEN_FIELD) or ""
        # A form the admin rendered always carries its token; only a hand-made POST lacks it.
        if self.instance.pk and loaded and loaded != self.current_token:
            self._refuse(loaded)
        return cleaned_data

    def _refuse(self, loaded):
        who, when, changes = self.stale_details(loaded)
        message = format_html(
            "{} {}",
            gettext(
                "This item was changed by %(user)s at %(time)s since you opened it. "
                "Your changes are not saved yet."
            )
            % {"user": who, "time": when},
            gettext(
                "Check what they changed, then save again to replace it with this form, or "
                "reload the page to start from their version."
            ),
        )
        if changes:
            message = format_html(
                "{}<ul>{}</ul>",
                message,
                format_html_join("", "<li>{}</li>", ((change.summary,) for change in changes)),
            )
        # Saving again is then a choice made knowing what it replaces.
        self.data = self.data.copy()
        self.data[TOKEN_FIELD] = self.current_token
        raise ValidationError(message, code="stale")


# The admin -------------------------------------------------------------------------------


class RevisionAdmin(VersionAdmin):
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
        return [(name, {**options, "fields": [*options["fields"], TOKEN_FIELD]}), *rest]

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
            "may_restore": self.has_change_permission(request, obj),
            **(extra_context or {}),
        }
        # Django's view (permissions, layout) with the revisions as its list.
        return super(VersionAdmin, self).history_view(request, object_id, context)

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
            current = rows.values("status", "publish_at", "updated_at").first()
            if not self._may_restore(request, version, current):
                return self._restore_refused(request, version)
            request._restoring = Restoring(event, version, current)
            request._token_before_restore = version_token(current and current["updated_at"])
            response = view()
            restoring = request._restoring
            if request.method == "POST" and not restoring.saved:
                transaction.set_rollback(True)
        # Only now is it known that the restore was kept: django-reversion rolls back whatever
        # does not end in a redirect.
        if restoring.saved and restoring.audit_line and response.status_code == 302:
            obj, effect, details = restoring.audit_line
            audit(request, event, obj, effect=effect, version=version.pk, **details)
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
            lambda: super(RevisionAdmin, self).revision_view(
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
            lambda: super(RevisionAdmin, self).recover_view(request, version_id, extra_context),
        )

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

    # Deletion -----------------------------------------------------------------------------

    def log_deletions(self, request, queryset):
        # Called before the rows go, by the delete view and the bulk delete action alike.
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            audit(request, "delete", obj)
        return entries
