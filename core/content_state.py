"""One number that changes whenever anything a visitor can see changes.

Everything derived from content — cached pages, the menu, facet counts, the in-memory facet
index — is keyed by `state_key()`, so nothing has to be found and deleted on a change: a save,
a delete, or the passing of a scheduled `publish_at`/`expire_at` moves the key on, and stale
entries simply stop being asked for (and expire).

A process trusts the state it last read for `CONTENT_VERSION_SECONDS` (never more than one
second, and never past the next scheduled change): a listing page asks for the state several
times (the page cache, the facet index, the panel and card keys, the taxonomy options), and two
cache round trips each time were a fifth of an uncached page. A change made in this process
is seen at once (a commit forgets the memo, and an open transaction reads under a state of its
own); one made by another app server within a second.

Whatever the path of a change (admin, importer, command, a script's `save()`), model signals
(website.invalidation) call `content_changed()`; a transaction moves the version once.
"""

import math
import random
import secrets
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
# (version, next scheduled change or 0): one key, so that it is read with the version.
NEXT_CHANGE_KEY = "content-next-change"
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


def _move_version():
    forget_state()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), None)


class _Uncommitted:
    """What this connection changed in its open transaction, waiting for the commit.

    Until the commit other connections read the old rows, so the shared version must not move
    before it (they would store the old rows under the new version); it moves once, at the
    commit, however many rows changed. This connection reads its own changes at once, so it
    reads under a state of its own (`token`, new at every change and unique everywhere): what
    it stores meanwhile is never read by anyone else, nor by itself after a further change.
    """

    def __init__(self):
        self.done = False
        self.changed()

    def changed(self):
        self.token = secrets.token_hex(8)
        self._boundary = None

    def boundary(self):
        """The next scheduled change as this connection's rows have it, found once per
        change; one that comes due moves its state on, as a change does."""
        if self._boundary and time.time() >= self._boundary:
            self.changed()
        if self._boundary is None:
            self._boundary = next_scheduled_change() or 0
        return self._boundary

    def __call__(self):
        self.done = True
        _move_version()


def _uncommitted():
    """The pending change of this thread's open transaction, or None. It lives among the
    commit callbacks, so a rollback (of the transaction, or of the savepoint that made it)
    discards it with the changes; `done` covers callbacks run without a real commit (tests)."""
    connection = transaction.get_connection()
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _Uncommitted) and not callback.done:
            return callback
    return None


def content_changed():
    """Something visitors can see has changed: the one call that moves the content state.

    Model signals (website.invalidation) make it for every save and delete; only a bulk write
    that sends no signals needs to make it by hand. Outside a transaction the version moves at
    once; inside one, any number of changes move it once, at the commit (see `_Uncommitted`).
    """
    if not transaction.get_connection().in_atomic_block:
        _move_version()
        return
    pending = _uncommitted()
    if pending is None:
        transaction.on_commit(_Uncommitted())
    else:
        pending.changed()


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
    state, boundary, _read_at, _values = read_state()
    return state, boundary


def _memo_trusted(state, boundary, read_at):
    # A read that seems to lie in the future (a clock moved back under test) is not trusted.
    return (
        state is not None
        and 0 <= time.monotonic() - read_at < trusted_seconds()
        and not (boundary and time.time() >= boundary)
    )


def _boundary_of(version, known):
    """The next scheduled change under `version`: the one stored with it, or found anew."""
    if isinstance(known, tuple) and known[0] == version:
        return known[1]
    boundary = next_scheduled_change() or 0
    cache.set(NEXT_CHANGE_KEY, (version, boundary), NEXT_CHANGE_TTL)
    return boundary


def read_state(*keys):
    """(state, next scheduled change or None, monotonic time the read began, {key: value}).

    The one memo of the state: read from the cache at most once per `trusted_seconds()`, and
    then in one round trip together with `keys` (the page cache's page), whose values come
    back in the dict (None when missing); when the memo served, the dict is empty and the
    caller reads them itself. A memo built on the state must count from the time returned.

    A transaction with changes of its own sees rows nobody else sees yet: its schedule is its
    own (`_Uncommitted.boundary`), never stored for the other processes.
    """
    global _memo
    pending = _uncommitted()
    state, boundary, read_at = _memo
    values = {}
    if not _memo_trusted(state, boundary, read_at):
        read_at = time.monotonic()
        found = cache.get_many([VERSION_KEY, NEXT_CHANGE_KEY, *keys])
        values = {key: found.get(key) for key in keys}
        version = found.get(VERSION_KEY) or content_version()
        if pending is None:
            boundary = _boundary_of(version, found.get(NEXT_CHANGE_KEY))
            if boundary and time.time() >= boundary:
                _move_version()
                version = content_version()
                boundary = _boundary_of(version, None)
        else:
            boundary = pending.boundary()
        state = state_of(version)
        if trusted_seconds():
            _memo = (state, boundary, read_at)
    if pending is not None:
        boundary = pending.boundary()
        state = f"{state}.{pending.token}"
    return state, boundary or None, read_at, values


def state_key():
    """The current content state (see `current_state`)."""
    return current_state()[0]
