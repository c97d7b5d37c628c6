"""One choice for a publisher instead of a status and a date: "Save as draft", "Publish now" or
"Schedule" (and when), as GOV.UK publishing and Wagtail editors ask it.

The choice maps onto the model's unchanged `status` and `publish_at` in the form's `clean`:
draft → a draft; publish → published and live now (a live item keeps its go-live moment);
schedule → published at the moment typed, which must be in the future. On a live item the
same three choices read as keeping it live, taking it offline (the status back to draft, as
the form's "Draft" status did) and scheduling it again; a draft of changes stays the "Save draft
of changes" button (news.admin.editorial). Editors never get the field: what they save is a
draft, and a forged choice is refused as a forged status is (news.admin.publishing).

The date and time belong to "Schedule"; under them a "Scheduled for …" line gives the moment in
Vienna time (the server's words, in the admin's language), and
`static/admin_osce/publishing_choice.js` adds the reader's own time zone and keeps the line in
step with the inputs.
"""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.publishing import Status
from news.admin.states import describe_state

CHOICE_FIELD = "publishing"
SCRIPT = "admin_osce/publishing_choice.js"


class Choice(models.TextChoices):
    DRAFT = "draft", _("Save as draft")
    PUBLISH = "publish", _("Publish now")
    SCHEDULE = "schedule", _("Schedule")


# What each choice means for an item that is already live or scheduled.
LABELS = {
    "live": {
        Choice.DRAFT: _("Take it offline (back to draft)"),
        Choice.PUBLISH: pgettext_lazy("publishing choice", "Keep it published"),
        Choice.SCHEDULE: _("Take it offline until a new moment (schedule)"),
    },
    "scheduled": {
        Choice.DRAFT: _("Unschedule (back to draft)"),
        Choice.PUBLISH: _("Publish now"),
        Choice.SCHEDULE: _("Keep it scheduled (or change the moment)"),
    },
}
INITIAL = {"draft": Choice.DRAFT, "live": Choice.PUBLISH, "scheduled": Choice.SCHEDULE}


def state_of(instance, now):
    """ "draft" (new items too), "scheduled", or "live" (an expired item is still published)."""
    if instance.pk is None or instance.status != Status.PUBLISHED:
        return "draft"
    return "scheduled" if instance.publish_at > now else "live"


def vienna_moment(value):
    """`value` in the site's time zone (Vienna), in the active language's words."""
    local = timezone.localtime(value, timezone.get_default_timezone())
    return formats.date_format(local, "DATETIME_FORMAT")


def scheduled_for(value):
    return gettext("Scheduled for %(moment)s Vienna time") % {"moment": vienna_moment(value)}


class ChoiceWidget(forms.RadioSelect):
    class Media:
        js = [SCRIPT]


class ScheduleWidget(AdminSplitDateTime):
    """The admin's date and time inputs, followed by the "Scheduled for …" line that describes
    them (a polite live region, updated by the script as they change)."""

    template_name = "admin/widgets/schedule_datetime.html"
    scheduled_for = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        line_id = f"{context['widget']['attrs'].get('id', 'id_' + name)}_scheduled_for"
        for subwidget in context["widget"]["subwidgets"]:
            subwidget["attrs"]["aria-describedby"] = line_id
        context["scheduled_for"] = {
            "id": line_id,
            "text": self.scheduled_for,
            "zone": timezone.get_default_timezone_name(),
        }
        return context


def choice_field():
    return forms.ChoiceField(
        label=_("Publishing"), choices=Choice.choices, required=False, widget=ChoiceWidget
    )


class PublishingChoiceFormMixin:
    """On `PublishableAdminForm`. `offers_publishing_choice` is set by the admin for a publisher
    (`PublishingChoiceAdmin.get_form`); without it the field is dropped, whatever is posted."""

    offers_publishing_choice = False

    def setup_publishing_choice(self):
        if not self.offers_publishing_choice or "publish_at" not in self.fields:
            self.fields.pop(CHOICE_FIELD, None)
            return
        now = timezone.now()
        state = state_of(self.instance, now)
        field = self.fields[CHOICE_FIELD]
        field.required = True
        labels = LABELS.get(state, {})
        field.choices = [(value, labels.get(value, label)) for value, label in Choice.choices]
        field.initial = INITIAL[state]
        publish_at = self.fields["publish_at"]
        publish_at.required = False
        publish_at.label = _("Scheduled moment")
        publish_at.help_text = _("Used with “Schedule” only: the moment it goes live.")
        publish_at.widget = ScheduleWidget()
        publish_at.widget.is_required = False
        item = self.instance
        field.help_text = gettext("Now: %(state)s") % {
            "state": describe_state(item.status, item.publish_at, item.expire_at)
            if item.pk
            else gettext("Draft")
        }
        if state != "scheduled":
            # The date and time are for scheduling: empty until a moment is chosen.
            self.initial["publish_at"] = None
        moment = self._chosen_moment() if self.is_bound else None
        if moment is None and not self.is_bound and state == "scheduled":
            moment = self.instance.publish_at
        if moment is not None:
            publish_at.widget.scheduled_for = scheduled_for(moment)

    def _chosen_moment(self):
        """The moment a bound form's "Schedule" names, if it names a valid one."""
        if self.data.get(self.add_prefix(CHOICE_FIELD)) != Choice.SCHEDULE:
            return None
        field = self.fields["publish_at"]
        try:
            return field.clean(field.widget.value_from_datadict(self.data, {}, "publish_at"))
        except forms.ValidationError:
            return None

    def apply_publishing_choice(self, cleaned_data):
        """Before the other checks: `status` and `publish_at` as the choice means them. In
        `clean` the instance still holds the stored row."""
        if CHOICE_FIELD not in self.fields or not cleaned_data.get(CHOICE_FIELD):
            return
        choice = cleaned_data[CHOICE_FIELD]
        now = timezone.now()
        if choice == Choice.SCHEDULE:
            moment = cleaned_data.get("publish_at")
            if "publish_at" in self._errors:
                return
            if moment is None:
                self.add_error("publish_at", _("Give the date and time to schedule it for."))
            elif moment <= now:
                self.add_error(
                    "publish_at",
                    _("Pick a moment in the future to schedule it, or choose “Publish now”."),
                )
            else:
                cleaned_data["status"] = Status.PUBLISHED
            return
        # The date and time are ignored unless "Schedule" is chosen, typos included.
        self._errors.pop("publish_at", None)
        stored = self.instance
        if choice == Choice.PUBLISH:
            live = state_of(stored, now) == "live"
            cleaned_data["publish_at"] = stored.publish_at if live else now
            cleaned_data["status"] = Status.PUBLISHED
        else:
            cleaned_data["publish_at"] = stored.publish_at if stored.pk else now
            cleaned_data["status"] = Status.DRAFT

    def _post_clean(self):
        # `status` is not a field of the form: the choice set it in `clean`.
        if CHOICE_FIELD in self.fields and "status" in getattr(self, "cleaned_data", {}):
            self.instance.status = self.cleaned_data["status"]
        super()._post_clean()


class PublishingChoiceAdmin:
    """On `PublishingAdmin`: a publisher's publishing fieldset has the choice where the status
    was. Not on a restore form, which keeps the status by a box of its own
    (news.admin.revisions.restore)."""

    def offers_publishing_choice(self, request):
        return getattr(request, "_restoring", None) is None and self.has_publish_permission(request)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.offers_publishing_choice(request):
            return fieldsets
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        CHOICE_FIELD if field == "status" else field
                        for field in options.get("fields", ())
                    ],
                },
            )
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if CHOICE_FIELD in form.base_fields and self.offers_publishing_choice(request):
            return type(form.__name__, (form,), {"offers_publishing_choice": True})
        return form
