"""Who may skip the page cache: someone really signed in, decided without any I/O.

The page cache serves stored pages only to visitors without a session; a signed-in editor must
get pages rendered for them (previews, admin links). Reading the session cookie's mere presence
let anyone skip the cache with `Cookie: sessionid=junk` and make every request, even an
uncached 60,000-item sitemap, cost a full render. Looking the session up would cost a cache or
database round trip per request, which junk cookies could then multiply.

Instead, every response to a signed-in user carries a second, signed cookie naming a digest of
their session key (`SignedInMarkerMiddleware`). The page cache skips only requests whose
marker's signature holds and whose digest matches the session cookie sent alongside: an HMAC
check, no I/O. A session that expired server-side but still has its marker only skips the cache
until the marker's own age runs out. The messages cookie (a notice waiting to be shown) is
signed by Django already; only a valid one skips the cache.
"""

import hashlib

from django.conf import settings
from django.core import signing

MARKER_COOKIE = "osce_signed_in"
_SALT = "osce_site.signed_in"
_MESSAGES_SALT = "django.contrib.messages"


def _digest(session_key):
    return hashlib.sha256(session_key.encode()).hexdigest()[:32]


def _signer():
    return signing.TimestampSigner(salt=_SALT)


def is_signed_in(request):
    """A valid marker for the session cookie this request carries."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    marker = request.COOKIES.get(MARKER_COOKIE)
    if not session_key or not marker:
        return False
    try:
        digest = _signer().unsign(marker, max_age=settings.SESSION_COOKIE_AGE)
    except signing.BadSignature:
        return False
    return digest == _digest(session_key)


def has_pending_messages(request):
    value = request.COOKIES.get(getattr(settings, "MESSAGE_COOKIE_NAME", "messages"))
    if not value:
        return False
    try:
        signing.get_cookie_signer(salt=_MESSAGES_SALT).unsign(value)
    except signing.BadSignature:
        return False
    return True


class SignedInMarkerMiddleware:
    """Below AuthenticationMiddleware: sets the marker for a signed-in user's session (its key
    changes at sign-in), and removes it once nobody is signed in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is not None and user.is_authenticated and session is not None:
            session_key = session.session_key
            marker = request.COOKIES.get(MARKER_COOKIE)
            if session_key and not self._matches(marker, session_key):
                response.set_cookie(
                    MARKER_COOKIE,
                    _signer().sign(_digest(session_key)),
                    max_age=settings.SESSION_COOKIE_AGE,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite=settings.SESSION_COOKIE_SAMESITE,
                )
        elif MARKER_COOKIE in request.COOKIES:
            response.delete_cookie(MARKER_COOKIE, samesite=settings.SESSION_COOKIE_SAMESITE)
        return response

    @staticmethod
    def _matches(marker, session_key):
        try:
            return marker and _signer().unsign(marker) == _digest(session_key)
        except signing.BadSignature:
            return False
