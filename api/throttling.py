"""The API's rate limit per client (`API_RATE_LIMIT`, e.g. "120/minute"; empty or "off" turns
it off), counted in the shared cache so that every app server counts the same client together,
and per address as `core.client_ip` finds it behind the front proxy (the same answer sign-in
lockouts and the logs use), so a client cannot pick its own counter with `X-Forwarded-For`.

Only requests that reach the view are counted: a response the page cache holds is served
before any middleware or view runs, costs next to nothing, and is the same for everyone. What
the limit protects is the work of answering uncached queries (random filter combinations,
deep pages), which every request for a new URL is. Over the limit DRF answers 429 with
`Retry-After`.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.client_ip import client_ip

OFF = {"", "0", "off", "none"}


class ClientRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        rate = getattr(settings, "API_RATE_LIMIT", None)
        if rate is None or str(rate).strip().lower() in OFF:
            return None
        return rate

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}
