"""A publisher who publishes without review says why.

Approving a review ("Approve and publish", news.admin.editorial) is the reviewed way to
publish. Any other way a publisher makes content public asks for a reason, required, kept as
a line in the item's history and in the `osce.audit` log ("publish_without_review"):

- the change form's plain save that publishes or schedules a draft or a new item, publishes a
  live item's draft of changes, or changes the content of a live item — in its own fields or
  only in its inline rows (issuers, donors, files…): a change of its publishing dates alone is
  not publishing new content;
- the "Publish" action, from the changelist or the change form: a page asks for the reason
  before anything is published, with the chosen items listed.

Restoring a revision is not asked: its form says what changes and it keeps its own history
line and audit event (news.admin.revisions.restore).
"""

from django import forms
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from core.publishing import Status
from news.admin import review as reviewing
from news.admin.revisions.stale import TOKEN_FIELD

REASON_FIELD = "publish_reason"
# Changed alone, these do not put new content in front of visitors.
NOT_CONTENT = {
    REASON_FIELD,
    TOKEN_FIELD,
    "loaded_status",
    "status",
    "publishing",
    "publish_at",
    "expire_at",
    "featured_until",
}
REASON_REQUIRED = _(
    "Say why this is published without review: the reason is kept in the item's history."
)


def reason_field():
    return forms.CharField(
        label=_("Reason for publishing without review"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 40}),
        help_text=_(
            "Required when this save publishes or schedules without an approved review "
            "(“Approve and publish” needs none)."
        ),
    )


class PublishReasonFormMixin:
    """On `PublishableAdminForm`. `asks_publish_reason`, `publishes_draft` and
    `inline_formsets` are set by the admin for the request (`PublishReasonAdmin.get_form`):
    Django builds the inline formsets before it validates the form, so `clean` sees them."""

    asks_publish_reason = False
    publishes_draft = False
    inline_formsets = ()
    # Decided in `clean`, while the instance still holds the stored row.
    publishing_without_review = False

    def publishes_without_review(self, cleaned_data):
        if not self.asks_publish_reason:
            return False
        if cleaned_data.get("status", self.instance.status) != Status.PUBLISHED:
            return False
        # In `clean` the instance still holds the stored row.
        if self.instance.pk is None or self.instance.status != Status.PUBLISHED:
            return True
        return (
            self.publishes_draft
            or bool(set(self.changed_data) - NOT_CONTENT)
            or any(formset.has_changed() for formset in self.inline_formsets)
        )

    def check_publish_reason(self, cleaned_data):
        if REASON_FIELD not in self.fields:
            return
        cleaned_data[REASON_FIELD] = (cleaned_data.get(REASON_FIELD) or "").strip()
        self.publishing_without_review = self.publishes_without_review(cleaned_data)
        if self.publishing_without_review and not cleaned_data[REASON_FIELD]:
            self.add_error(REASON_FIELD, REASON_REQUIRED)


def with_reason_field(fieldsets):
    """The publishing fieldset with the reason after its dates."""
    shown = []
    for name, options in fieldsets:
        fields = list(options.get("fields", ()))
        if "status" in fields and REASON_FIELD not in fields:
            options = {**options, "fields": [*fields, REASON_FIELD]}
        shown.append((name, options))
    return shown


class PublishReasonAdmin:
    """On `PublishingAdmin`, after `EditorialAdmin` (whose step it reads)."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if getattr(request, "_restoring", None) is not None:
            return fieldsets  # a restore has its own warning, history line and audit event
        if self.has_publish_permission(request) and (
            obj is None or self.has_change_permission(request, obj)
        ):
            return with_reason_field(fieldsets)
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if (
            request.method != "POST"
            or getattr(request, "_restoring", None) is not None
            or REASON_FIELD not in form.base_fields
            or not self.has_publish_permission(request)
        ):
            return form  # shown, or a draft replayed (news.admin.working_drafts): nothing asked
        editorial = getattr(request, "_editorial", None)
        if editorial is not None and editorial.step:
            return form  # a workflow step: approving is reviewed, the others publish nothing
        draft = editorial.draft if editorial is not None and not editorial.as_draft else None
        request._publish_reason_formsets = formsets = []
        return type(
            form.__name__,
            (form,),
            {
                "asks_publish_reason": True,
                "publishes_draft": draft is not None,
                "inline_formsets": formsets,
            },
        )

    def _create_formsets(self, request, obj, change):
        """The POST's inline formsets, handed to the form that asks (`get_form`)."""
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        asking = getattr(request, "_publish_reason_formsets", None)
        if asking is not None:
            asking[:] = formsets
        return formsets, inline_instances

    def record_publish_reason(self, request, form):
        """After the save: the reason in the item's history and the audit log."""
        reason = form.cleaned_data.get(REASON_FIELD)
        if reason and form.publishing_without_review:
            reviewing.record(request, form.instance, "publish_without_review", reason)

    def ask_publish_reason(self, request, queryset):
        """The "Publish" action's question, before anything is published: None once a
        reason was given (it is then `request.POST[REASON_FIELD]`)."""
        reason = request.POST.get(REASON_FIELD, "").strip()
        if reason and request.POST.get("publish_reason_asked"):
            return None
        kept = [
            (key, value)
            for key in request.POST
            if key in ("action", "index", "select_across", helpers.ACTION_CHECKBOX_NAME)
            or key.endswith(("-action", "-select_across"))
            for value in request.POST.getlist(key)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Why publish without review?"),
            "items": list(queryset[:100]),
            "count": queryset.count(),
            "kept": kept,
            "error": REASON_REQUIRED if request.POST.get("publish_reason_asked") else "",
            "reason": reason,
            "reason_field": REASON_FIELD,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/publish_reason.html", context)
