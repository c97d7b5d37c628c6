"""Moving a scheduled item to another day, from the dashboard's calendar.

Dragging an item onto a day (static/admin_osce/schedule_calendar.js) and the "Reschedule"
form each item links to (for the keyboard, and without JavaScript) post here. The item keeps
its time of day (Vienna time). It goes through the scheduling service the change form's
publishing uses (news.services.schedule), with a revision, a history entry and an audit
line of its own; the content state moves to the new moment by the usual machinery (the save
is seen by website.invalidation; the scheduled moment by core.content_state), so the public
site and the page cache follow.

Refused, on the server whatever the page offered: anyone who may not publish the type
(403, with why), an item that is not scheduled any more (live, or taken back to a draft
meanwhile: it is not the calendar's to move), a day whose moment is past, and a day at or
after the item's end of publication.
"""

import datetime

import reversion
from django import forms
from django.apps import apps
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, gettext_lazy

from core.content_state import publishable_models
from core.publishing import Status
from news import services
from news.admin.revisions.audit import audit
from news.admin.revisions.registration import item_revision
from news.admin.states import format_moment
from news.audit import log_entry
from website.schedule_calendar import MONTH_PARAMETER, may_publish


class RescheduleForm(forms.Form):
    day = forms.DateField(
        label=gettext_lazy("New day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, item, now, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.now = now
        self.moment = None

    def clean_day(self):
        day = self.cleaned_data["day"]
        item = self.item
        if item.status != Status.PUBLISHED or item.publish_at <= self.now:
            raise forms.ValidationError(
                gettext(
                    "Only an item still to go live can be moved on the calendar; this one's "
                    "state is now: %(state)s. Change it in its form instead."
                )
                % {"state": item.public_state},
                code="not_scheduled",
            )
        time_of_day = timezone.localtime(item.publish_at).time()
        moment = timezone.make_aware(datetime.datetime.combine(day, time_of_day))
        if moment <= self.now:
            raise forms.ValidationError(
                gettext(
                    "%(moment)s is in the past: choose a day on which %(time)s is still to come."
                )
                % {
                    "moment": format_moment(moment),
                    "time": formats.time_format(time_of_day, "H:i"),
                },
                code="past",
            )
        if item.expire_at is not None and moment >= item.expire_at:
            raise forms.ValidationError(
                gettext(
                    "The item's publication ends on %(end)s: it cannot go live after that. "
                    "Change its end in its form first."
                )
                % {"end": format_moment(item.expire_at)},
                code="after_expiry",
            )
        self.moment = moment
        return day


def _item(request, app_label, model_name, pk):
    """The item, or 404 for a type that is not publishable or that the user may not view (an
    address that reveals nothing)."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    opts = model._meta
    if model not in publishable_models() or not request.user.has_perm(
        f"{opts.app_label}.view_{opts.model_name}"
    ):
        raise Http404
    item = model._default_manager.filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _calendar_url(day):
    return f"{reverse('admin:index')}?{MONTH_PARAMETER}={day:%Y-%m}#schedule-calendar"


def _answer(request, admin_site, item, form, status, message=""):
    if _wants_json(request):
        errors = [str(error) for error in form.errors.get("day", [])] if form else []
        return JsonResponse({"message": message, "errors": errors}, status=status)
    context = {
        **admin_site.each_context(request),
        "title": gettext("Reschedule %(title)s") % {"title": item},
        "item": item,
        "form": form,
        "refusal": message if status == 403 else "",
        "moment": format_moment(item.publish_at),
        "calendar_url": _calendar_url(timezone.localtime(item.publish_at).date()),
    }
    return TemplateResponse(request, "admin/reschedule.html", context, status=status)


def reschedule_view(request, app_label, model_name, pk, admin_site):
    item = _item(request, app_label, model_name, pk)
    if not may_publish(request.user, type(item)):
        return _answer(
            request,
            admin_site,
            item,
            None,
            403,
            gettext(
                "Only publishers can reschedule: editors write drafts and a publisher decides "
                "when they go live. Ask a publisher to move this item."
            ),
        )
    now = timezone.now()
    if request.method != "POST":
        initial = {"day": timezone.localtime(item.publish_at).date()}
        form = RescheduleForm(initial=initial, item=item, now=now)
        return _answer(request, admin_site, item, form, 200)
    form = RescheduleForm(request.POST, item=item, now=now)
    if not form.is_valid():
        return _answer(request, admin_site, item, form, 400)
    with item_revision(request):
        changed = services.schedule(item, form.moment, now=now)
        if changed:
            entry = log_entry(request.user, item, changed)
            reversion.set_comment(entry.get_change_message())
    if changed:
        audit(request, "reschedule", item, publish_at=item.publish_at.isoformat())
    message = gettext("“%(title)s” now goes live on %(moment)s.") % {
        "title": item,
        "moment": format_moment(item.publish_at),
    }
    # Shown on the calendar the page goes back to (after the drag, the script reloads it).
    messages.success(request, message)
    if _wants_json(request):
        return JsonResponse({"message": message, "errors": []})
    return redirect(_calendar_url(form.cleaned_data["day"]))
