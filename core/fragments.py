"""Pieces of pages a process keeps for itself, and fragments kept under what they show.

An uncached news item page spent most of its time on eleven cache round trips (its id, its
version, its row, two fragments, the menu's pages twice, the menu) and on rendering the same
header and footer again (profiled on the benchmark database: 3.8 ms of CPU a request, a third of
it in round trips, which cost far more on a loaded machine where each wakes the cache server).
Two things here make them cheap:

- `LOCAL`: this process's copies of what it read from the shared cache under keys that name
  everything the value depends on (a state, an item's version, the release): such a value
  never changes under its key, so a copy is as good as the shared one until it expires. Bounded
  in bytes (`FRAGMENT_LOCAL_BYTES`), least recently used dropped first.
- `shown_fragment` (`{% cache_shown %}`, core.templatetags.noted_cache): a fragment kept under
  a key naming only what it is of (the item, the language), with what it was rendered under:
  the versions of the items and models it shows (core.page_dependencies' notes), the listing
  and base states, or the content state when its notes fall short. It is served while all of
  them hold, checked against the states' memo and the versions' memo (core.content_state: read
  at most once a second, a process's own changes at once), as the page cache checks a page. A
  fragment keyed by the content state was rendered again after every edit of anything; this
  one only after an edit of what it shows.
"""

import sys
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

from core import page_dependencies
from core.content_state import page_states, versions_now

DEFAULT_LOCAL_BYTES = 4 * 1024 * 1024


def size_of(value):
    """About how many bytes `value` (strings, numbers, and lists, tuples and dicts of them)
    holds: what the local copies are bounded by."""
    if isinstance(value, str | bytes):
        return sys.getsizeof(value)
    if isinstance(value, dict):
        return 64 + sum(size_of(key) + size_of(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return 56 + sum(size_of(item) for item in value)
    return 32


class LocalCopies:
    """Values kept by this process, each until it expires, at most `max_bytes` in all (each
    value's `size`; one larger than `largest`, by default a quarter of the whole, is not kept).
    """

    def __init__(self, max_bytes, size=size_of, largest=None):
        self.max_bytes = max_bytes
        self._size_of = size
        self.largest = max_bytes // 4 if largest is None else largest
        self._entries = OrderedDict()  # key -> (value, size, expires)
        self._size = 0
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._entries)

    @property
    def size(self):
        return self._size

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[2] is not None and time.monotonic() >= found[2]:
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key, value, seconds=None):
        size = self._size_of(value)
        if size > self.largest:
            return
        expires = None if seconds is None else time.monotonic() + seconds
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (value, size, expires)
            self._size += size
            while self._size > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._size = 0

    def _drop(self, key):
        _value, size, _expires = self._entries.pop(key)
        self._size -= size


LOCAL = LocalCopies(getattr(settings, "FRAGMENT_LOCAL_BYTES", DEFAULT_LOCAL_BYTES))


def shared(key, seconds=None):
    """The value stored under `key` (a key whose value never changes), from this process's
    copy or the shared cache (then copied here for at most `seconds`), or None."""
    value = LOCAL.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            LOCAL.put(key, value, seconds)
    return value


def store(key, value, seconds):
    cache.set(key, value, seconds)
    LOCAL.put(key, value, seconds)


# Fragments kept under what they show -------------------------------------------------------


def _holds(deps, states):
    names = [name for name, _value in deps if name not in page_dependencies.NOT_VERSIONS]
    versions = versions_now(names) if names else {}
    for name, value in deps:
        if name == page_dependencies.REACH:
            continue
        now = states.get(name) if name in page_dependencies.STATES else versions.get(name)
        if now is None or now != value:
            return False
    return True


def shown_fragment(key, seconds, render, shown=None):
    """The HTML of the fragment stored under `key` if what it shows is unchanged, else
    `render()`'s, stored with its notes and what it was rendered under. `shown`: {version key:
    version} read before the fragment by its view (the page's own item), which it shows too.
    The states are read before anything it renders: what it is stored under is never newer
    than what it shows."""
    states, boundary, _values = page_states()
    stored = shared(key, seconds)
    if isinstance(stored, list | tuple) and len(stored) == 4:
        html, notes, deps, until = stored
        deps = tuple(tuple(pair) for pair in deps)
        if (until is None or time.time() < until) and _holds(deps, states):
            page_dependencies.replay(notes)
            return html, True
    with page_dependencies.fragment() as notes:
        page_dependencies.note_versions(shown or {})
        html = render()
    # The fragment's own notes, as complete as a declared page's: every row it loaded after
    # its version, or it depends on the content state.
    notes.complete = True
    deps = notes.dependencies(states)
    if seconds is None or int(seconds) > 0:
        store(key, [str(html), notes.plain(), [list(pair) for pair in deps], boundary], seconds)
    return html, False
