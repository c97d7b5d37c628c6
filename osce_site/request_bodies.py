"""Visitors' pages take no request bodies: an unsafe method outside the admin is a 405.

Without this, a POST to a public page is read before anything refuses it: CsrfViewMiddleware
reads `request.POST` to find the token whenever a CSRF cookie came along (any cookie of the
right shape will do), so a multipart file is written to a temporary file in full before the
403. This middleware sits before CsrfViewMiddleware and answers from the method and the path
alone, never touching `request.body`, `request.POST` or `request.FILES`.

Only the admin and the e-mail alerts take forms. A view outside them that must accept POST
(a language switcher, a contact form) gets its URL name added to BODY_URL_NAMES: every path
under it is let through, in every language for names under `i18n_patterns`
(BODY_URL_NAMES_TRANSLATED: `/alerts/`, `/de/alerts/`, ...).
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.urls import NoReverseMatch, reverse
from django.utils import translation

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
BODY_URL_NAMES = ("admin:index",)
# The alert forms and the one-click unsubscribe endpoint (alerts.views).
BODY_URL_NAMES_TRANSLATED = ("alerts:index",)


def body_prefixes():
    """The paths under which a request may carry a body (reversed on each call, so the
    script prefix of the request is respected)."""
    prefixes = []
    for name in BODY_URL_NAMES:
        try:
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    for name in BODY_URL_NAMES_TRANSLATED:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                try:
                    prefixes.append(reverse(name))
                except NoReverseMatch:
                    continue
    return tuple(prefixes)


class PublicMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS and not request.path.startswith(body_prefixes()):
            return HttpResponseNotAllowed(SAFE_METHODS)
        return self.get_response(request)
