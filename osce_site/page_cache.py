"""Whole public pages kept in the shared cache, stored so that a page served can never be wrong.

A page is stored under its request's scheme, host, path, query string (parameters sorted by
name, so the same filters in another order are one page) and language, together with what it
depends on (core.page_dependencies) and the moment of the next scheduled change. A page whose
view declared what it shows depends on the versions of the items and models it shows, the
listing state and the base state (each under the running release); any other page on the
content state (`core.content_state.state_key()`), which moves on every save or delete of
anything visitors can see. It is served only while all of them still hold and no scheduled
`publish_at`/`expire_at` has come due; a deploy changes the release. So an edit of one item
renders afresh, at their next request, the pages that show it and those that declare nothing;
nothing has to be found and purged. A listing page whose listing state alone has moved is kept,
under the new state, when none of the moved items can change it (core.listing_reach).

What a hit costs: the middleware is the outermost one, so a hit runs no other middleware
(no session, CSRF, locale or security middleware: the page was stored with every header they
added, and none of them depends on anything but what the key holds). It runs no database query
and, most of the time, no cache round trip either:
- the states, and the item and model versions a page depends on, are read from the cache at
  most once per `CONTENT_VERSION_SECONDS` (never more than one second) per process, through
  core.content_state's memos, and with the page in the same round trip (the version keys of
  each page a process saw are remembered for it: `KNOWN`): every app server sees a change
  within a second;
- each process keeps its own copy of the pages it served lately (`PAGE_CACHE_LOCAL_BYTES` in
  all), served only while what it depends on holds, like the shared copy;
- a stored page is one value: status, headers, body, ETag and its limits, so serving it is
  building one response from stored strings.

What is never stored or served from here:
- requests of someone signed in (editors: previews and admin links in their pages), with a
  notice waiting to be shown, or with an Authorization header, and everything under the
  admin, static files and media. Both cookies are checked by their signatures
  (osce_site.signed_in), with no query: a made-up session cookie gets the stored page;
- responses that set a cookie (a CSRF token was used), carry `private`/`no-store`/`no-cache`
  (previews, the health check), used the CSP nonce (the nonce must differ on every response,
  so only pages whose policy has none are stored, with that policy), vary on anything but
  cookies, language and encoding, are encoded (compressed), or stream;
- any status but 200 and 301. A 301 is as exact as a 200 under a versioned key but is kept
  for a shorter time; a 404 is never stored (it says `no-cache`, osce_site.middleware), so
  random paths cannot fill the cache — but for a listing page past its last page, asked for
  under its canonical query within the listing's page cap (`page_dependencies.keep_not_found`:
  a fifth of the benchmark's mix, each rendered again at every request before): it is kept
  as briefly as a 301, under what the listing view noted (the listing, its reach, the search's
  matches), so it turns into a page as soon as results reach it; browsers still get
  `no-cache`.

Entries expire no later than the next scheduled change (`seconds_until_next_change()`), and
the `max-age` sent to browsers and shared caches is lowered to it too, so a scheduled item is
not hidden by a copy held downstream. Responses carry a strong `ETag` (computed once, when the
page is stored) and revalidations are answered 304 from the stored page. Because stored
headers come from the security middleware, the settings those headers are made from are part
of the key: a deploy that changes the policy never serves pages with the old one.
With `PAGE_CACHE_HEADER` on (tests, benchmarks; off in production, where it would tell anyone
what others asked for), `X-Page-Cache` says HIT or MISS on every response it looked at.

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
from django.utils.cache import (
    get_conditional_response,
    get_max_age,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe, urlencode
from django.utils.translation import get_language_from_path

from core import page_dependencies
from core.content_state import (
    listing_version,
    page_states,
    remember_versions,
    stale_versions,
    versions_now,
)
from core.listing_reach import unreached
from news.listing import matches
from osce_site.page_entries import Entry, KnownDependencies, LocalPages
from osce_site.signed_in import has_pending_messages, is_signed_in

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
CACHEABLE_STATUSES = {200, 301}
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
# Settings the stored headers are made from (see the module's notes).
HEADER_SETTINGS = (
    "MIDDLEWARE",
    "SECURE_CSP",
    "SECURE_CSP_REPORT_ONLY",
    "PERMISSIONS_POLICY",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
)
# A listing page kept across listing moves that cannot reach it is stored again for the other
# servers once it is this many moves behind (until then each process keeps its own copy).
SHARE_AFTER_MOVES = 8
# Headers that describe a body, left out of a 304 (RFC 9110, 15.4.5).
BODY_HEADERS = {"content-length", "content-type", "content-language", "content-encoding"}
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def _setting(name, default):
    return getattr(settings, name, default)


def _split_header(value):
    return {part.strip().lower() for part in value.split(",") if part.strip()}


def _canonical(value):
    """A repr that is the same in every process: sets have no stable order."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key!r}: {_canonical(item)}" for key, item in value.items()) + "}"
    if isinstance(value, set | frozenset):
        return repr(sorted(map(str, value)))
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_canonical(item) for item in value) + "]"
    return repr(str(value) if isinstance(value, str) else value)


def headers_fingerprint():
    text = "|".join(_canonical(getattr(settings, name, None)) for name in HEADER_SETTINGS)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# The version keys each page this process saw lately depends on, so that they are read in the
# same round trip as a shared copy of the page.
KNOWN = KnownDependencies()


class PageCacheMiddleware:
    """The outermost middleware: a hit skips all the others, and their headers are stored with
    the page (see the module's notes)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.local = LocalPages(_setting("PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024))
        self.scope = headers_fingerprint()
        self.known = KNOWN

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        cache = caches[_setting("PAGE_CACHE_ALIAS", "default")]
        try:
            key = self._key(request)
        except DisallowedHost:
            return self.get_response(request)
        try:
            entry = self._lookup(cache, key)
        except Exception:
            logger.warning("Page cache unavailable; rendering without it", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return self._restore(request, entry)
        try:
            # Read before anything the page shows: what it is stored under is never newer.
            read_at = time.monotonic()
            states, boundary, _values = page_states()
        except Exception:
            logger.warning("Page cache unavailable; rendering without it", exc_info=True)
            return self.get_response(request)
        with page_dependencies.record() as notes:
            response = self.get_response(request)
        if request.method == "GET" and self._cacheable_response(request, response):
            deps = notes.dependencies(states)
            self._store(cache, key, response, deps, boundary)
            # Read while the page was rendered: current then, as the states.
            versions = dict(deps)
            remember_versions({name: versions[name] for name in self.known.get(key)}, read_at)
        return response

    def _lookup(self, cache, key):
        """The current stored page for `key`, or None.

        The states come from their one memo (core.content_state, which moves them on first if
        a scheduled change has come due), and so do the item and model versions the page
        depends on (read at most once per `CONTENT_VERSION_SECONDS`). What the memo lacks —
        the shared copy when this process holds none, the versions it depended on when last
        seen here — is read in one round trip with the states; only a page this process has
        never seen may need a second one for its versions."""
        local = self.local.get(key)
        version_keys = local.version_keys() if local else self.known.get(key)
        wanted = stale_versions(version_keys)
        extra = wanted if local else [key, *wanted]
        read_at = time.monotonic()
        states, boundary, values = page_states(*extra)
        if extra and not values:
            values = cache.get_many(extra)
            values = {name: values.get(name) for name in extra}
        remember_versions({name: values.get(name) for name in wanted}, read_at)
        entry = local or Entry.read(values.get(key))
        if entry is None:
            return None
        if not local:
            self.known.put(key, entry.version_keys())
        versions = versions_now(entry.version_keys(), {name: values[name] for name in wanted})
        if not entry.current(states, versions, time.time(), search=matches.token_of):
            return self._unreached(cache, key, entry, states, versions, boundary)
        if not local:
            self.local.put(key, entry)
        return entry

    def _unreached(self, cache, key, entry, states, versions, boundary):
        """A listing page whose listing state alone has moved, by moves none of whose items
        can reach its filters (core.listing_reach), kept under the new state; else None."""
        reach = entry.dependency(page_dependencies.REACH)
        listing = page_dependencies.LISTING
        now = time.time()
        if reach is None or not entry.current(
            states, versions, now, ignore=(listing,), search=matches.token_of
        ):
            return None
        # With search words only the search's matches can reach the page (the same matches
        # as when it was stored: their token has just been checked).
        search = entry.dependency(page_dependencies.SEARCH)
        found = None if search is None else matches.of_dependency(tuple(search[:-1]))
        if search is not None and found is None:
            return None
        within = None if found is None else found.members
        if not unreached(reach, entry.dependency(listing), states[listing], within):
            return None
        kept = entry.under_listing(states[listing], boundary)
        if kept.boundary is not None and now >= kept.boundary:
            return None
        # Shared again only now and then: every process can tell as much from the moves.
        behind = listing_version(states[listing]) - listing_version(entry.dependency(listing))
        if behind >= SHARE_AFTER_MOVES:
            try:
                cache.set(key, kept, max(1, math.ceil(kept.expires - now)))
            except Exception:
                logger.warning("Page cache unavailable; not storing", exc_info=True)
        self.local.put(key, kept)
        return kept

    # Requests ------------------------------------------------------------------------------

    def _cacheable_request(self, request):
        if not _setting("PAGE_CACHE", False) or request.method not in ("GET", "HEAD"):
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        if is_signed_in(request) or has_pending_messages(request):
            return False
        excluded = (
            *_setting("PAGE_CACHE_EXCLUDED_PREFIXES", ("/admin/",)),
            settings.STATIC_URL or "/static/",
            settings.MEDIA_URL or "/media/",
        )
        return not request.path_info.startswith(excluded)

    def _key(self, request):
        """Raises DisallowedHost for a Host the site does not serve (the view answers 400)."""
        query = ""
        if request.META.get("QUERY_STRING"):
            pairs = sorted(request.GET.lists(), key=lambda pair: pair[0])
            query = urlencode(pairs, doseq=True)
        # The path alone decides the language (i18n_patterns without an English prefix:
        # LocaleMiddleware activates English for every unprefixed path), so a page is stored
        # once, not once per Accept-Language a browser sends.
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        scope = (
            f"{self.scope}|{request.scheme}://{request.get_host()}{request.path_info}?{query}"
            f"|{language}"
        )
        return f"page:{hashlib.sha256(scope.encode()).hexdigest()}"

    # Responses -----------------------------------------------------------------------------

    def _cacheable_response(self, request, response):
        # A 404 its view said may be kept (a listing page past its last page); it says
        # `no-cache` to browsers like any 404 (osce_site.middleware).
        not_found = response.status_code == 404 and self._not_found_query(request) is not None
        if response.status_code not in CACHEABLE_STATUSES and not not_found:
            return False
        if response.streaming:
            return False
        if response.cookies or get_nonce(request) or response.has_header("Content-Encoding"):
            return False
        directives = _split_header(response.get("Cache-Control", ""))
        if not_found:
            directives -= {"no-cache"}
        if directives & set(UNCACHEABLE_DIRECTIVES):
            return False
        if get_max_age(response) == 0:
            return False
        if not self._canonical(request, response):
            return False
        return _split_header(response.get("Vary", "")) <= HARMLESS_VARY

    @staticmethod
    def _not_found_query(request):
        return page_dependencies.not_found_query(request)

    @staticmethod
    def _canonical(request, response):
        """Whether the request asked for the page under its canonical query, the only one it
        is stored under. A view that takes parameters declares its normalised query
        (`canonical_query`, on the response or in its context); any other page has none. So
        `?utm_source=<random>` or an unknown filter value renders the page (a notice says what
        was ignored) but never creates an entry: random URLs cannot fill the cache."""
        declared = getattr(response, "canonical_query", None)
        if declared is None:
            declared = (getattr(response, "context_data", None) or {}).get("canonical_query")
        if response.status_code == 404:
            declared = PageCacheMiddleware._not_found_query(request)
        requested = sorted(request.GET.lists())
        if declared is None:
            return not requested
        return requested == sorted((key, values) for key, values in declared.lists() if values)

    def _store(self, cache, key, response, deps, boundary):
        """`deps`: what the page depends on (core.page_dependencies); `boundary`: when the
        next scheduled change is due (a timestamp), or None."""
        timeout = _setting("PAGE_CACHE_SECONDS", 600)
        if response.status_code != 200:
            timeout = min(timeout, _setting("PAGE_CACHE_OTHER_SECONDS", 60))
        if boundary is not None:
            timeout = max(1, min(timeout, math.ceil(boundary - time.time())))
            self._cap_max_age(response, boundary)
        if not response.has_header("ETag"):
            set_response_etag(response)
        last_modified = response.get("Last-Modified")
        entry = Entry(
            deps,
            boundary,
            time.time() + timeout,
            response.status_code,
            tuple((name, value) for name, value in response.items() if name != HEADER),
            response.content,
            response.get("ETag"),
            last_modified and parse_http_date_safe(last_modified),
            get_max_age(response),
        )
        try:
            cache.set(key, entry, timeout)
        except Exception:
            logger.warning("Page cache unavailable; not storing", exc_info=True)
            return
        self.local.put(key, entry)
        self.known.put(key, entry.version_keys())
        if _setting("PAGE_CACHE_HEADER", False):
            response[HEADER] = "MISS"

    def _restore(self, request, entry):
        response = HttpResponse(entry.content, status=entry.status, headers=entry.headers)
        boundary, max_age = entry.boundary, entry.max_age
        if boundary is not None and max_age is not None and boundary - time.time() < max_age:
            self._cap_max_age(response, boundary)
        if _setting("PAGE_CACHE_HEADER", False):
            response[HEADER] = "HIT"
        if request.method == "GET" and any(name in request.META for name in CONDITIONAL_HEADERS):
            return self._conditional(request, entry, response)
        return response

    @staticmethod
    def _conditional(request, entry, response):
        """A 304 (or 412) as ConditionalGetMiddleware would answer, keeping the stored headers
        that are not about the body (the security policy among them)."""
        answer = get_conditional_response(
            request, etag=entry.etag, last_modified=entry.last_modified, response=response
        )
        if answer is response:
            return response
        for name, value in response.items():
            if name.lower() not in BODY_HEADERS and name not in answer:
                answer[name] = value
        return answer

    @staticmethod
    def _cap_max_age(response, boundary):
        """Downstream caches may keep the page only until the next scheduled change."""
        max_age = get_max_age(response)
        if max_age is None:
            return
        remaining = max(0, math.floor(boundary - time.time()))
        if remaining < max_age:
            patch_cache_control(response, max_age=remaining)
