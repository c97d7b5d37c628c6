"""One number that changes whenever anything a visitor can see changes.

Everything derived from published content — cached pages, facet counts, the in-memory facet
index — is keyed by `state_key()`, so nothing has to be found and deleted on a change: a save,
a delete, or the passing of a scheduled `publish_at`/`expire_at` moves the key on, and stale
entries simply stop being asked for (and expire).
"""

import random
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

VERSION_KEY = "content-version"
NEXT_CHANGE_KEY = "content-next-change:{}"
NEXT_CHANGE_TTL = 3600


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


def _bump():
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


def next_scheduled_change(now=None):
    """The next moment a published item goes live or expires by itself (a timestamp), or None."""
    from .models import Meeting, NewsItem

    now = now or timezone.now()
    moments = []
    for model in (NewsItem, Meeting):
        result = model.objects.filter(status="published").aggregate(
            publish=Min("publish_at", filter=Q(publish_at__gt=now)),
            expire=Min("expire_at", filter=Q(expire_at__gt=now)),
        )
        moments += [moment for moment in result.values() if moment is not None]
    return min(moments).timestamp() if moments else None


def seconds_until_next_change():
    """How long anything derived from the current state may be kept, at most."""
    version = content_version()
    boundary = cache.get(NEXT_CHANGE_KEY.format(version))
    if boundary is None:
        return None
    return max(0.0, boundary - time.time()) if boundary else None


def state_key():
    """The current version, moved on first if a scheduled change has come due."""
    version = content_version()
    key = NEXT_CHANGE_KEY.format(version)
    boundary = cache.get(key)
    if boundary is None:
        boundary = next_scheduled_change() or 0
        cache.set(key, boundary, NEXT_CHANGE_TTL)
    if boundary and time.time() >= boundary:
        bump_content_version()
        version = content_version()
        cache.set(NEXT_CHANGE_KEY.format(version), next_scheduled_change() or 0, NEXT_CHANGE_TTL)
    return str(version)
