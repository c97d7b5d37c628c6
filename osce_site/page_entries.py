"""What the page cache keeps (osce_site.page_cache): a stored page as plain data, this
process's own copies of pages, and the version keys of the pages it saw."""

import sys
import threading
from collections import OrderedDict
from typing import NamedTuple

from core import page_dependencies
from core.fragments import LocalCopies


class Entry(NamedTuple):
    """One stored page: a tuple of plain values, stored as such in the shared cache."""

    # ((name, value), ...): what the page was rendered under (core.page_dependencies): the
    # content state alone, or the listing and base states and the versions of what it shows.
    deps: tuple
    # When the next scheduled change is due (a timestamp), or None.
    boundary: float | None
    # When the shared copy expires (a timestamp); a process's own copy goes with it.
    expires: float
    status: int
    headers: tuple
    content: bytes
    etag: str | None
    last_modified: int | None
    max_age: int | None

    @classmethod
    def read(cls, stored):
        """The Entry a shared cache gave back: the same fields as plain data (the shared cache
        stores no Python objects, osce_site.cache_serializer), or None for anything else."""
        if isinstance(stored, cls):
            return stored
        if isinstance(stored, tuple | list) and len(stored) == len(cls._fields):
            entry = cls._make(stored)
            return entry._replace(
                deps=tuple(tuple(pair) for pair in entry.deps),
                headers=tuple(tuple(pair) for pair in entry.headers),
            )
        return None

    def version_keys(self):
        """The cache keys of the item and model versions the page depends on."""
        return [name for name, _value in self.deps if name not in page_dependencies.NOT_VERSIONS]

    def current(self, states, versions, now, ignore=(), search=None):
        """Rendered under what `states` and `versions` say now (but the dependencies named in
        `ignore`), and neither expired nor overtaken by a scheduled change. `search(spec)`
        gives the current token of a search the page shows (news.listing.matches), or None."""
        if now >= self.expires or (self.boundary is not None and now >= self.boundary):
            return False
        for name, value in self.deps:
            if name == page_dependencies.REACH or name in ignore:
                continue
            if name == page_dependencies.SEARCH:
                *spec, token = value
                if search is None or search(tuple(spec)) != token:
                    return False
                continue
            now_value = states[name] if name in page_dependencies.STATES else versions.get(name)
            if now_value is None or now_value != value:
                return False
        return True

    def dependency(self, name):
        return dict(self.deps).get(name)

    def under_listing(self, state, boundary):
        """This page kept under the listing `state` (a move that cannot change it), until the
        next scheduled change at the latest."""
        deps = tuple(
            (name, state if name == page_dependencies.LISTING else value)
            for name, value in self.deps
        )
        if boundary is not None:
            boundary = boundary if self.boundary is None else min(boundary, self.boundary)
        return self._replace(deps=deps, boundary=boundary or self.boundary)


class LocalPages(LocalCopies):
    """This process's copies of pages it served lately, least recently used dropped first,
    at most `max_bytes` of bodies in all."""

    def __init__(self, max_bytes):
        super().__init__(max_bytes, size=lambda entry: len(entry.content), largest=max_bytes)


class KnownDependencies:
    """The version keys of pages this process saw lately (a few bytes each, so many more
    pages than `LocalPages` keeps), oldest dropped first."""

    def __init__(self, limit=20_000):
        self.limit = limit
        self._keys = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            return self._keys.get(key, ())

    def put(self, key, version_keys):
        with self._lock:
            self._keys.pop(key, None)
            if version_keys:
                # One string per version key, however many pages name it: a listing page names
                # twenty, and the same items are on many pages.
                self._keys[key] = tuple(sys.intern(name) for name in version_keys)
            while len(self._keys) > self.limit:
                self._keys.popitem(last=False)
