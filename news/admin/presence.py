"""Editing presence: "Anna Editor is editing this item since 10:42", a soft lock.

Two people editing one item meet the stale-save refusal (news.admin.revisions.stale) only
when the second saves; presence tells them when they open it. Whoever opens a change form
they may change is present from the page's load (so the banner works without JavaScript),
and the form's script (static/admin_osce/editing_presence.js) beats every
`HEARTBEAT_SECONDS` and says goodbye with `navigator.sendBeacon` when the page goes away.
Without a beat for `EXPIRY_SECONDS` a person is gone (a closed laptop, a lost connection).

The state is one small cache entry per item (the shared cache: Redis in production, locmem
on one machine): a beat is a cache read and write, never a database write. Two beats at the
same moment may lose one of the two writes; the next beat, 30 s later, puts it back, which a
soft lock can afford and a lock in the database would not be worth.
"""

import datetime
import time

from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from news.admin.revisions.audit import user_label

HEARTBEAT_SECONDS = 30
EXPIRY_SECONDS = 120


def _key(obj):
    return f"editing-presence:{obj._meta.label_lower}:{obj.pk}"


def _current(obj, now):
    """The people present on `obj`: {user id: [name, since, last beat]}, the expired left out."""
    entries = cache.get(_key(obj)) or {}
    return {user_id: entry for user_id, entry in entries.items() if entry[2] > now - EXPIRY_SECONDS}


def beat(obj, user):
    """`user` has `obj`'s change form open (since their first beat of this stay)."""
    now = time.time()
    entries = _current(obj, now)
    since = entries.get(str(user.pk), [None, now])[1]
    entries[str(user.pk)] = [user_label(user), since, now]
    cache.set(_key(obj), entries, EXPIRY_SECONDS)


def leave(obj, user):
    entries = _current(obj, time.time())
    if entries.pop(str(user.pk), None) is not None:
        cache.set(_key(obj), entries, EXPIRY_SECONDS)


def others(obj, user):
    """Who else has `obj` open, in words, the longest-present first."""
    present = sorted(
        (entry for user_id, entry in _current(obj, time.time()).items() if user_id != str(user.pk)),
        key=lambda entry: entry[1],
    )
    return [_sentence(name, since) for name, since, _seen in present]


def _sentence(name, since):
    moment = timezone.localtime(datetime.datetime.fromtimestamp(since, tz=datetime.UTC))
    # "10:42": a 24-hour clock is read the same way in every language of the site.
    when = formats.time_format(moment, "H:i")
    if moment.date() != timezone.localdate():
        when = f"{formats.date_format(moment, 'SHORT_DATE_FORMAT')} {when}"
    return gettext("%(name)s is editing this item since %(time)s.") % {"name": name, "time": when}


class EditingPresenceMixin:
    """For a ModelAdmin: the presence of those who may change an object, shown on its change
    form (`editing_presence` in the context) and kept by its heartbeat URL."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        heartbeat = path(
            "<path:object_id>/presence/",
            self.admin_site.admin_view(require_POST(self.presence_view)),
            name="{}_{}_presence".format(*info),
        )
        return [heartbeat, *super().get_urls()]

    def presence_view(self, request, object_id):
        """POST `action=beat` (the answer: who else is there) or `action=leave`. Staff only
        (the admin site's view), CSRF-protected (a POST), and only for those who may change
        the object: one who may only view it is not editing it."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.POST.get("action") == "leave":
            leave(obj, request.user)
            return JsonResponse({"others": []})
        beat(obj, request.user)
        return JsonResponse({"others": others(obj, request.user)})

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.pk is not None:
            editing = request.method == "GET" and self.has_change_permission(request, obj)
            if editing:
                beat(obj, request.user)
            context["editing_presence"] = others(obj, request.user)
            if editing:
                opts = self.opts
                context["editing_presence_url"] = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_presence",
                    args=[obj.pk],
                )
                context["editing_presence_seconds"] = HEARTBEAT_SECONDS
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def response_change(self, request, obj):
        """Saved and gone (to the list, or to a new form): no longer editing this one."""
        if "_continue" not in request.POST:
            leave(obj, request.user)
        return super().response_change(request, obj)
