"""Who may publish, enforced on the server.

Editors write drafts. Only a user with the model's `publish_<model>` permission sees the
publishing fields, runs the Publish / Unpublish actions or changes the row of an item that is
live or scheduled; whatever an editor's POST claims, what they save is a draft — of a live
item, its working draft (news.admin.editorial).
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.admin_forms import CleanTextModelAdmin, CleanTextTabularInline
from core.publishing import Status
from core.richtext import RichTextField, RichTextWidget, sanitize_html
from editorial.models import ReviewRequest, ReviewState, WorkingDraft
from news.admin.editorial import EditorialAdmin
from news.admin.forms import PublishableAdminForm
from news.admin.kept_input import KeptInputMixin
from news.admin.large_tables import LargeTableAdmin
from news.admin.presence import EditingPresenceMixin
from news.admin.preview import PreviewAdmin
from news.admin.publish_reason import PublishReasonAdmin
from news.admin.publishing_actions import PublishingActionsMixin
from news.admin.publishing_choice import CHOICE_FIELD, Choice, PublishingChoiceAdmin
from news.admin.revisions.admin import RevisionAdmin
from news.admin.states import describe_state
from news.audit import save_event
from news.content_checks import content_problems
from news.image_fields import ImageFileField
from redirects.admin import OldAddressesAdminMixin

PUBLISHING_FIELDS = ("status", "publish_at", "expire_at")
# What a forged POST could carry to publish or schedule: the field names and the parts of
# the admin's split date/time widget.
PUBLISHING_POST_KEYS = (
    "publish_at",
    "publish_at_0",
    "publish_at_1",
    "expire_at",
    "expire_at_0",
    "expire_at_1",
    # News items: leading the home page is a publisher's decision too (in the same fieldset).
    "featured_until_0",
    "featured_until_1",
)


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("scheduled", _("Scheduled")),
            ("live", _("Live")),
            ("expired", _("Expired")),
            ("draft_changes", _("Live + draft changes")),
            ("awaiting_review", _("Awaiting review")),
            ("changes_requested", _("Changes requested")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case "draft":
                return queryset.filter(status=Status.DRAFT)
            case "scheduled":
                return queryset.scheduled(now)
            case "live":
                return queryset.published(now)
            case "expired":
                return queryset.filter(status=Status.PUBLISHED, expire_at__lte=now)
            case "draft_changes":
                return queryset.filter(status=Status.PUBLISHED, has_working_draft=True)
            case "awaiting_review":
                return queryset.filter(review_state=ReviewState.AWAITING)
            case "changes_requested":
                return queryset.filter(review_state=ReviewState.CHANGES_REQUESTED)
        return queryset


class PublishingAdmin(
    PublishingChoiceAdmin,
    PublishingActionsMixin,
    EditingPresenceMixin,
    PublishReasonAdmin,
    EditorialAdmin,
    PreviewAdmin,
    OldAddressesAdminMixin,
    KeptInputMixin,
    LargeTableAdmin,
    RevisionAdmin,
    CleanTextModelAdmin,
):
    form = PublishableAdminForm
    formfield_overrides = {RichTextField: {"widget": RichTextWidget}}
    change_form_template = "admin/ordered_inlines_change_form.html"
    # Inline formsets are shown before this fieldset, so the form reads in editing order.
    inlines_before_fieldset = 1
    actions = ["publish_selected", "unpublish_selected"]
    # Shown rendered, not as markup, on view-only pages (`rendered_<name>_<language>`).
    rich_text_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.rich_text_fields:
            for code, _language in settings.LANGUAGES:
                column = f"{name}_{code}"
                label = f"{self.model._meta.get_field(name).verbose_name} [{code}]"
                setattr(self, f"rendered_{column}", self._rendered(column, label))

    def _rendered(self, column, label):
        def rendered(obj):
            return self.render_rich_text(getattr(obj, column))

        rendered.short_description = label
        return rendered

    def _is_rich_text(self, field):
        return isinstance(field, str) and field.rsplit("_", 1)[0] in self.rich_text_fields

    def has_publish_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_queryset(self, request):
        """Each row says whether it has a working draft and where its review stands (two
        indexed sub-selects, so the changelist's state column costs no query per row)."""
        content_type = ContentType.objects.get_for_model(self.model)
        drafts = WorkingDraft.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
        reviews = ReviewRequest.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .annotate(
                has_working_draft=Exists(drafts),
                review_state=Subquery(reviews.values("state")[:1]),
            )
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name.startswith("title"):
            classes = formfield.widget.attrs.get("class", "")
            formfield.widget.attrs["class"] = f"{classes} vLargeTextField".strip()
            # django-modeltranslation makes the default language's title required; an item
            # may be written in any one language (PublishableAdminForm checks there is one).
            formfield.required = False
        if isinstance(db_field, ImageFileField):
            # Labelled by its <label>, not by a <legend> that leaves the file input unnamed.
            formfield.widget.use_fieldset = False
        return formfield

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # A view-only page shows rich text as text, not as its markup.
            fieldsets = [
                (
                    name,
                    {
                        **options,
                        "fields": [
                            f"rendered_{field}" if self._is_rich_text(field) else field
                            for field in options["fields"]
                        ],
                    },
                )
                for name, options in fieldsets
            ]
        if self.has_publish_permission(request):
            return fieldsets
        restricted = []
        for name, options in fieldsets:
            if set(options.get("fields", ())) & set(PUBLISHING_FIELDS):
                options = {
                    **options,
                    "fields": ["publishing_summary"],
                    "description": _(
                        "Only publishers can publish or schedule. What you save is a draft; "
                        "ask a publisher to publish it."
                    ),
                }
            restricted.append((name, options))
        return restricted

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "created_at", "updated_at"]
        if obj is not None and not self.has_change_permission(request, obj):
            readonly += [
                f"rendered_{name}_{code}"
                for name in self.rich_text_fields
                for code, _language in settings.LANGUAGES
            ]
        if not self.has_publish_permission(request):
            readonly.append("publishing_summary")
        return readonly

    def render_change_form(self, request, context, *args, **kwargs):
        context["inlines_before_fieldset"] = self.inlines_before_fieldset
        obj = kwargs.get("obj")
        if obj is not None and obj.pk and request.method == "GET":
            # Of what the form shows: a live item's working draft when it has one.
            context["content_problems"] = content_problems(
                context["adminform"].form.instance, settings.SITE_URL
            )
        context.update(self.editorial_context(request, obj))
        if obj is not None and context.get("editorial", {}).get("live"):
            # A live item's form saves a draft of changes; only publishers publish them.
            publisher = self.has_publish_permission(request)
            context.update(
                show_save=publisher and context.get("show_save", True),
                show_save_and_continue=publisher and context.get("show_save_and_continue", True),
                show_save_and_add_another=False,
            )
        return super().render_change_form(request, context, *args, **kwargs)

    def save_related(self, request, form, formsets, change):
        """Once the tags are saved too: publishing an item that fails a content check says
        which, without refusing it (news.content_checks). A working draft saves nothing of
        the item: its tags and rows are in the draft."""
        obj = form.instance
        if not self.saves_working_draft(request):
            super().save_related(request, form, formsets, change)
        self.editorial_after_save(request, obj)
        if not self.saves_working_draft(request):
            self.record_publish_reason(request, form)
        if self.saves_working_draft(request) or request.POST.get("_submit_review") is not None:
            problems = content_problems(obj, settings.SITE_URL)
            if problems:
                messages.warning(
                    request,
                    _("Content problems to fix before it goes live: %(problems)s")
                    % {"problems": "; ".join(problem.message for problem in problems)},
                )
        elif obj.status == Status.PUBLISHED:
            problems = content_problems(obj, settings.SITE_URL)
            if problems:
                messages.warning(
                    request,
                    _("Live with content problems to fix: %(problems)s")
                    % {"problems": "; ".join(problem.message for problem in problems)},
                )

    def render_rich_text(self, value):
        # Stored bodies are sanitised on save; sanitising again costs little and keeps this
        # page safe even for rows written by other means.
        return mark_safe(sanitize_html(value)) if value else "-"

    @admin.display(description=_("title"), ordering="title")
    def display_title(self, obj):
        """The title in the reader's language, or in one the item has, marked with it."""
        return str(obj)

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        state = obj.public_state
        if getattr(obj, "has_working_draft", False) and obj.status == Status.PUBLISHED:
            state = _("%(state)s + draft changes") % {"state": state}
        review = getattr(obj, "review_state", None)
        if review:
            state = f"{state} · {ReviewState(review).label}"
        return state

    @admin.display(description=_("state"))
    def publishing_summary(self, obj):
        if obj is None or obj.pk is None:
            return _("Draft")
        return describe_state(obj.status, obj.publish_at, obj.expire_at)

    def _post_tries_to_publish(self, request):
        status = request.POST.get("status", "")
        choice = request.POST.get(CHOICE_FIELD, "")
        return (
            status not in ("", Status.DRAFT)
            or choice not in ("", Choice.DRAFT)
            or any(request.POST.get(key, "").strip() for key in PUBLISHING_POST_KEYS)
        )

    def save_model(self, request, obj, form, change):
        if change and self.editorial_save_model(request, obj, form):
            return
        before = self.state_before_save(request, obj) if change else None
        self._keep_stored_publish_at(obj, before)
        if self.has_publish_permission(request):
            self._go_live_now_unless_scheduled(obj, before)
        self._save_model(request, obj, form, change)
        self.audit_save(request, obj, save_event(before, obj), state=obj.public_state)

    @staticmethod
    def _keep_stored_publish_at(obj, before):
        """The form shows "publish at" to the second; submitted unchanged, it keeps the stored
        microseconds, so fixing a typo neither moves the go-live time nor logs a reschedule."""
        stored = before and before.get("publish_at")
        if stored and obj.publish_at == stored.replace(microsecond=0):
            obj.publish_at = stored

    def _go_live_now_unless_scheduled(self, obj, before):
        """A draft published through the form goes live now: its `publish_at` is still the
        moment the draft was written, and kept it would show a go-live date that never was.
        A future time is a schedule and is kept."""
        if obj.status != Status.PUBLISHED or (before and before["status"] != Status.DRAFT):
            return
        now = timezone.now()
        if obj.publish_at <= now:
            obj.publish_at = now
            # As `services.publish` does: an end already past would hide the item at once.
            if obj.expire_at is not None and obj.expire_at <= now:
                obj.expire_at = None

    def _save_model(self, request, obj, form, change):
        if not self.has_publish_permission(request):
            if not change:
                # The form never had the publishing fields; this makes the rule explicit.
                obj.status = Status.DRAFT
                obj.publish_at = timezone.now()
                obj.expire_at = None
            if self._post_tries_to_publish(request):
                self.message_user(
                    request,
                    _("Saved as a draft: only publishers can publish or schedule."),
                    messages.WARNING,
                )
        super().save_model(request, obj, form, change)


class ParentEditableInline(CleanTextTabularInline):
    """An inline of publishable content is editable exactly when its parent is: an editor
    viewing a live item sees its issuers or documents read-only too."""

    def _parent_editable(self, request, obj):
        if obj is None:
            return True
        return self.admin_site.get_model_admin(self.parent_model).has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._parent_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_editable(request, obj)
