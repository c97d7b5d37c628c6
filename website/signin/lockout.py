"""The page shown when sign-in is refused for too many failures (`AXES_LOCKOUT_CALLABLE`).

It is the admin's layout with a message that says what happened and what to do, rather than
axes' bare line of English. It is built without looking up the account, so it tells an attacker
nothing about which usernames exist.
"""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": gettext("Sign-in blocked"),
        "minutes": minutes,
    }
    # Rendered here: axes' middleware swaps it in after the view, past template rendering.
    return render(
        request, "admin/signin_locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
