"""Whole public pages kept in the shared cache, stored so that a page served can never be wrong.

A page is stored under its request's scheme, host, path, query string (parameters sorted by
name, so the same filters in another order are one page) and language, together with the
content version it was rendered under (`news.versioning.state_key()`) and the moment of the
next scheduled change. It is served only while both still hold: the version moves on every
save or delete of anything visitors can see (publish, unpublish, edit, delete, imports), and a
scheduled `publish_at`/`expire_at` coming due ends it too. So after any change every page is
rendered afresh at its next request; nothing has to be found and purged. A hit costs one
round trip to the cache (the version and the page in one MGET) and no database query.

What is never stored or served from here:
- requests that carry the session cookie (editors: signed in, or with previews and admin links
  in their pages), the messages cookie (a notice waiting to be shown) or an Authorization
  header, and everything under the admin. Visitors of the public site never get a session, so
  the check reads a cookie name and runs no query;
- responses that set a cookie (a CSRF token was used), carry `private`/`no-store`/`no-cache`
  (previews, the health check), used the CSP nonce, vary on anything but cookies, language and
  encoding, or stream;
- any status but 200, 301 and 404. A 404 or 301 is as exact as a 200 under a versioned key
  (publishing the missing slug moves the version), but is kept for a shorter time so that
  random URLs cannot fill the cache.

Entries expire no later than the next scheduled change (`seconds_until_next_change()`), and
the `max-age` sent to browsers and shared caches is lowered to it too, so a scheduled item is
not hidden by a copy held downstream. Responses carry a strong `ETag` (computed once, when the
page is stored), so `ConditionalGetMiddleware` answers revalidations with 304 from the cache.
`X-Page-Cache` says HIT or MISS on every response this middleware looked at.

If the cache itself fails, pages are rendered as if it were empty: the cache is an
accelerator, never a dependency.
"""

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import get_max_age, patch_cache_control, set_response_etag
from django.utils.http import urlencode
from django.utils.translation import get_language_from_request

from news.versioning import VERSION_KEY, seconds_until_next_change, state_key

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
CACHEABLE_STATUSES = {200, 301, 404}
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}


def _setting(name, default):
    return getattr(settings, name, default)


def _split_header(value):
    return {part.strip().lower() for part in value.split(",") if part.strip()}


class PageCacheMiddleware:
    """Placed below WhiteNoise and above ConditionalGetMiddleware: a hit skips everything under
    it (sessions, CSRF, the view), and a 304 is still answered from the stored ETag."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        cache = caches[_setting("PAGE_CACHE_ALIAS", "default")]
        try:
            key = self._key(request)
            found = cache.get_many([VERSION_KEY, key])
        except DisallowedHost:
            return self.get_response(request)
        except Exception:
            logger.warning("Page cache unavailable; rendering without it", exc_info=True)
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and self._current(entry, found.get(VERSION_KEY)):
            return self._restore(entry)
        try:
            # Moves the version on first if a scheduled change has come due.
            state = state_key()
            until_change = seconds_until_next_change()
            boundary = None if until_change is None else time.time() + until_change
        except Exception:
            logger.warning("Page cache unavailable; rendering without it", exc_info=True)
            return self.get_response(request)
        response = self.get_response(request)
        if request.method == "GET" and self._cacheable_response(request, response):
            self._store(cache, key, response, state, boundary)
        return response

    @staticmethod
    def _current(entry, version):
        """Stored under the current content version, and no scheduled change due since."""
        state, boundary = entry[0], entry[4]
        if version is None or state != str(version):
            return False
        return boundary is None or time.time() < boundary

    # Requests ------------------------------------------------------------------------------

    def _cacheable_request(self, request):
        if not _setting("PAGE_CACHE", False) or request.method not in ("GET", "HEAD"):
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "HTTP_AUTHORIZATION" in request.META:
            return False
        if _setting("MESSAGE_COOKIE_NAME", "messages") in cookies:
            return False
        return not request.path_info.startswith(
            tuple(_setting("PAGE_CACHE_EXCLUDED_PREFIXES", ("/admin/",)))
        )

    def _key(self, request):
        """Raises DisallowedHost for a Host the site does not serve (the view answers 400)."""
        pairs = sorted(request.GET.lists(), key=lambda pair: pair[0])
        query = urlencode(pairs, doseq=True)
        language = get_language_from_request(request)
        scope = f"{request.scheme}://{request.get_host()}{request.path_info}?{query}|{language}"
        return f"page:{hashlib.sha256(scope.encode()).hexdigest()}"

    # Responses -----------------------------------------------------------------------------

    def _cacheable_response(self, request, response):
        if response.status_code not in CACHEABLE_STATUSES or response.streaming:
            return False
        if response.cookies or get_nonce(request):
            return False
        if _split_header(response.get("Cache-Control", "")) & set(UNCACHEABLE_DIRECTIVES):
            return False
        if get_max_age(response) == 0:
            return False
        return _split_header(response.get("Vary", "")) <= HARMLESS_VARY

    def _store(self, cache, key, response, state, boundary):
        """`boundary`: when the next scheduled change is due (a timestamp), or None."""
        timeout = _setting("PAGE_CACHE_SECONDS", 600)
        if response.status_code != 200:
            timeout = min(timeout, _setting("PAGE_CACHE_OTHER_SECONDS", 60))
        if boundary is not None:
            timeout = max(1, min(timeout, math.ceil(boundary - time.time())))
            self._cap_max_age(response, boundary)
        if not response.has_header("ETag"):
            set_response_etag(response)
        entry = (
            state,
            response.status_code,
            [(name, value) for name, value in response.items() if name != HEADER],
            response.content,
            boundary,
        )
        try:
            cache.set(key, entry, timeout)
        except Exception:
            logger.warning("Page cache unavailable; not storing", exc_info=True)
            return
        response[HEADER] = "MISS"

    def _restore(self, entry):
        _state, status, headers, content, boundary = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        if boundary is not None:
            self._cap_max_age(response, boundary)
        response[HEADER] = "HIT"
        return response

    @staticmethod
    def _cap_max_age(response, boundary):
        """Downstream caches may keep the page only until the next scheduled change."""
        max_age = get_max_age(response)
        if max_age is None:
            return
        remaining = max(0, math.floor(boundary - time.time()))
        if remaining < max_age:
            patch_cache_control(response, max_age=remaining)
