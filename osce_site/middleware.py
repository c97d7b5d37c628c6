"""HTTP caching policy for the public site, and the admin's language (`AdminLanguageMiddleware`).

Anonymous visitors all see the same pages, so a shared cache (CDN, reverse proxy) may keep
them for a minute; whatever a signed-in user sees may carry their name, previews or admin
links, so it is only ever `private`. Responses that set a cookie are never shared either.

A page may be kept only until the next scheduled change (an item going live or expiring):
the cap is set here, on the response itself, so it holds with the page cache off or Redis
down. A 404 says `no-cache`: without any Cache-Control a CDN may keep it as long as its
heuristics like, and with a lifetime an editor who looked at a draft's URL before publishing it
would keep getting the 404 from their own browser; revalidating costs a 304 at most.
"""

import math

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.content_state import seconds_until_next_change
from editorial.preferences import admin_language

PUBLIC_MAX_AGE = 60
MISSING_STATUSES = {404, 410}
# A 301 (an old slug, redirects/) is kept no longer than a page: without a lifetime browsers
# keep one for good, and a new page may take the old address.
CACHED_STATUSES = {200, 301}
ADMIN_PREFIX = "/admin/"


def public_max_age():
    """`PUBLIC_MAX_AGE`, or less when a scheduled change comes sooner."""
    remaining = seconds_until_next_change()
    if remaining is None:
        return PUBLIC_MAX_AGE
    return max(0, min(PUBLIC_MAX_AGE, math.floor(remaining)))


class CacheHeadersMiddleware:
    """Placed above the session, CSRF and message middleware so it sees their cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
            return response
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        if response.status_code in MISSING_STATUSES:
            patch_cache_control(response, no_cache=True)
        elif response.status_code in CACHED_STATUSES:
            if response.cookies:
                patch_cache_control(response, private=True)
            else:
                # The same URL is private for a signed-in user: a shared cache must tell
                # the two apart by their cookies.
                patch_cache_control(response, public=True, max_age=public_max_age())
                patch_vary_headers(response, ("Cookie",))
        return response


class AdminLanguageMiddleware:
    """After `AuthenticationMiddleware`: an admin address in the language its user chose
    (website.admin_language) — a signed-in staff member's stored choice, the same on every
    computer (editorial.preferences), else the browser's (its language cookie, then
    Accept-Language). The public site's language stays its URL's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX):
            chosen = self._chosen(request)
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)

    @staticmethod
    def _chosen(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            stored = admin_language(user)
            if stored in dict(settings.LANGUAGES):
                return stored
        return translation.get_language_from_request(request, check_path=False)
