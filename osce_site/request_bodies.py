"""Visitors' pages take no request bodies: an unsafe method outside the admin is a 405.

Without this, a POST to a public page is read before anything refuses it: CsrfViewMiddleware
reads `request.POST` to find the token whenever a CSRF cookie came along (any cookie of the
right shape will do), so a multipart file is written to a temporary file in full before the
403. This middleware sits before CsrfViewMiddleware and answers from the method and the path
alone, never touching `request.body`, `request.POST` or `request.FILES`.

Only the admin takes forms. A view outside it that must accept POST (a language switcher,
a contact form) gets its URL name added to BODY_URL_NAMES: every path under it is let through.
"""

from django.http import HttpResponseNotAllowed
from django.urls import NoReverseMatch, reverse

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
BODY_URL_NAMES = ("admin:index",)


def body_prefixes():
    """The paths under which a request may carry a body (reversed on each call, so the
    script prefix of the request is respected)."""
    prefixes = []
    for name in BODY_URL_NAMES:
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
