"""The admin in the language its user chooses.

The public site's language is its URL's (`/ru/news/`), never the browser's; the admin has one
unprefixed address, so `LocaleMiddleware` always gave it English. A staff member now chooses
the admin's language in its header: the choice is kept with their account
(editorial.preferences), so every computer they sign in from shows the admin in it, and in
Django's language cookie, for this browser's sign-in page.
`osce_site.middleware.AdminLanguageMiddleware` applies it to admin addresses only.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from editorial.preferences import choose_admin_language

YEAR = 365 * 24 * 3600


def choose_language(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(gettext("Choose one of the site's languages."))
    target = request.POST.get("next", "")
    admin_root = reverse("admin:index")
    if not (
        url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
        and target.startswith(admin_root)
    ):
        target = admin_root
    choose_admin_language(request.user, language)  # staff only: an admin view
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=YEAR,
        path="/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response
