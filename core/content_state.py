"""One number that changes whenever anything a visitor can see changes.

Everything derived from published content — cached pages, facet counts, the in-memory facet
index — is keyed by `state_key()`, so nothing has to be found and deleted on a change: a save,
a delete, or the passing of a scheduled `publish_at`/`expire_at` moves the key on, and stale
entries simply stop being asked for (and expire).

A process trusts the state it last read for `CONTENT_VERSION_SECONDS` (never more than one
second, and never past the next scheduled change): a listing page asks for the state several
times (the page cache, the facet index, the panel and card keys, the taxonomy options), and two
cache round trips each time were a fifth of an uncached page. A change made in this process
is seen at once (saving forgets the memo); one made by another app server within a second.
"""

import math
import random
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from core.publishing import Publishable
from core.release import release

VERSION_KEY = "content-version"
NEXT_CHANGE_KEY = "content-next-change:{}"
NEXT_CHANGE_TTL = 3600
# The longest a process may go on trusting the content state it last read.
MAX_VERSION_SECONDS = 1.0
# (state, next scheduled change or 0, monotonic time the read began): replaced whole, never
# mutated, so threads can share it.
_memo = (None, 0, -math.inf)


def _fresh_version():
    # Time-based (plus noise), so a flushed or restarted cache never hands out a number
    # used before.
    return int(time.time() * 1000) * 1000 + random.randrange(1000)


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh_version(), None)
        version = cache.get(VERSION_KEY) or _fresh_version()
    return version


def trusted_seconds():
    """How long a state read from the cache is trusted (`CONTENT_VERSION_SECONDS`, capped)."""
    seconds = float(getattr(settings, "CONTENT_VERSION_SECONDS", MAX_VERSION_SECONDS))
    return min(max(0.0, seconds), MAX_VERSION_SECONDS)


def forget_state():
    global _memo
    _memo = (None, 0, -math.inf)


def _bump():
    forget_state()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), None)


def bump_content_version():
    """Move the version now and, inside a transaction, again when it commits: until then other
    requests still read the old rows, and one of them may store them under the new version."""
    _bump()
    connection = transaction.get_connection()
    pending = any(callback is _bump for _ids, callback, _robust in connection.run_on_commit)
    if connection.in_atomic_block and not pending:
        transaction.on_commit(_bump)


def publishable_models():
    """Every concrete model built on `Publishable`, found through the app registry so that a
    new content type takes part without this module knowing it."""
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def next_scheduled_change(now=None):
    """The next moment a published item goes live or expires by itself (a timestamp), or None."""
    now = now or timezone.now()
    moments = []
    for model in publishable_models():
        result = model.objects.filter(status="published").aggregate(
            publish=Min("publish_at", filter=Q(publish_at__gt=now)),
            expire=Min("expire_at", filter=Q(expire_at__gt=now)),
        )
        moments += [moment for moment in result.values() if moment is not None]
    return min(moments).timestamp() if moments else None


def seconds_until_next_change():
    """How long anything derived from the current state may be kept, at most."""
    boundary = current_state()[1]
    return None if boundary is None else max(0.0, boundary - time.time())


def state_of(version):
    """The state a content version stands for under the running release (core.release):
    what one release stored is never read by another."""
    return f"{release()}.{version}"


def current_state():
    """(state, next scheduled change as a timestamp or None): the current version, moved on
    first if a scheduled change has come due."""
    state, boundary, _read_at = read_state()
    return state, boundary


def read_state():
    """`current_state()` and the monotonic time its read from the cache began, which a memo
    built on it (the page cache's) must count from, not from when it asked."""
    global _memo
    state, boundary, read_at = _memo
    if (
        state is not None
        and time.monotonic() - read_at < trusted_seconds()
        and not (boundary and time.time() >= boundary)
    ):
        return state, boundary or None, read_at
    read_at = time.monotonic()
    version = content_version()
    key = NEXT_CHANGE_KEY.format(version)
    boundary = cache.get(key)
    if boundary is None:
        boundary = next_scheduled_change() or 0
        cache.set(key, boundary, NEXT_CHANGE_TTL)
    if boundary and time.time() >= boundary:
        bump_content_version()
        version = content_version()
        boundary = next_scheduled_change() or 0
        cache.set(NEXT_CHANGE_KEY.format(version), boundary, NEXT_CHANGE_TTL)
    state = state_of(version)
    if trusted_seconds():
        _memo = (state, boundary, read_at)
    return state, boundary or None, read_at


def state_key():
    """The current content state (see `current_state`)."""
    return current_state()[0]
