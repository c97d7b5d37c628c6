"""Public reads on a read replica, everything else on the primary.

With `DATABASE_REPLICA_URL` set, the settings add a `replica` database and this router. A
replica trails the primary by a moment, so reads go to the primary whenever a stale row could
be wrong or could be stored:

- inside a transaction (admin saves, imports, anything under `transaction.atomic`), and for the
  rest of a request or command that has written anything (its own writes must be visible);
- for the whole of a request that is not a visitor's page view (`ReplicaPinMiddleware`): the
  admin, any method but GET/HEAD, and anyone with a session cookie (editors);
- for `REPLICA_LAG_SECONDS` after the content version moved (`core.content_state`): a page
  rendered then is stored in the shared cache under the new version, so it must come from
  rows that already include the change. Each process measures that window from the moment it
  first sees a new version, which is never earlier than the change itself, so the window errs
  on the side of the primary.

Migrations run on the primary only; the replica follows it by replication.
"""

import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

_pinned = ContextVar("osce_primary_pinned", default=False)
_first_seen = {"version": None, "at": 0.0}


def replica_configured():
    return REPLICA in settings.DATABASES


def pin_to_primary():
    """Read from the primary for the rest of this request (or command)."""
    _pinned.set(True)


def _content_recently_changed(now=None):
    from core.content_state import content_version

    now = time.monotonic() if now is None else now
    version = content_version()
    if version != _first_seen["version"]:
        _first_seen.update(version=version, at=now)
    return now - _first_seen["at"] < getattr(settings, "REPLICA_LAG_SECONDS", 5)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not replica_configured() or _pinned.get():
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        pin_to_primary()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA


class ReplicaPinMiddleware:
    """Decides per request whether its reads may go to the replica (see the module's notes)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_configured():
            return self.get_response(request)
        token = _pinned.set(self._needs_primary(request))
        try:
            return self.get_response(request)
        finally:
            _pinned.reset(token)

    @staticmethod
    def _needs_primary(request):
        if request.method not in ("GET", "HEAD"):
            return True
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return True
        if request.path_info.startswith("/admin/"):
            return True
        return _content_recently_changed()
