"""An in-memory index of a listing's published items (news, projects, documents: every listing
definition with `indexed`) for counting and paging it.

Counting results per facet option with SQL costs one aggregate over the whole filtered set
per facet — hundreds of milliseconds at 100,000 items. Here every published item has a bit
position, in the listing's newest-first order, and every facet option is a Python integer
used as a bitset. A filter is an AND of bitsets, a count is `int.bit_count()`, a date range
is a contiguous run of positions, and a page of results is found by walking the set bits —
microseconds, whatever the filters.

Bitsets derived from the index — a structure together with its units, the matches of a
search — are kept with it (`derived`): the index never changes, so neither do they, and
building them (a tree walk and an OR per unit; a Python loop over every match of a search)
was most of the cost of an uncached listing after the cards.

The index is exact for one listing state (`core.content_state.listing_state()`), which moves
only when items come or go or their order or facet values change (an edit of a title keeps
it). Each move leaves a delta, the items it concerns (core.content_changes), and a process
holding the index of an earlier version brings its copy up to date from the deltas in place
(news.listing.index_delta: milliseconds) instead of reading everything again (seconds at
100,000 items). Where a delta is missing (a taxonomy change or a bulk load leaves none, the
cache may have dropped one) or too many items changed, one worker rebuilds the index (under a
cache lock) and shares it through the cache as compact bytes, with its version; the others
load it and catch up from there. A request that finds no index for the current state falls
back to the SQL path, so answers are never stale.
"""

import bisect
import logging
import pickle
import threading
import time
import zlib
from array import array
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from django.core.cache import cache
from django.db import connection

from core.content_changes import DELTA_KEY, label_of
from core.content_state import listing_state
from core.release import release
from news.listing import index_build, index_delta
from news.listing.definition import NEWS
from news.listing.positions import Positions

logger = logging.getLogger(__name__)

# Formatted with the scope: the listing's name, the release and the database alias.
CACHE_KEY = "facet-index:{}"
LOCK_KEY = "facet-index-lock:{}"
LOCK_SECONDS = 60
MAX_CACHE_SECONDS = 24 * 3600
# An index further behind than this many versions is loaded or rebuilt, not caught up.
MAX_DELTAS = 256
# A request finding its process's index at most this many versions behind catches it up
# itself (`caught_up`); further behind, the warm-up thread does (news.listing.warmup).
INLINE_DELTAS = 8
# A shared copy this many versions behind is replaced by the caught-up one, so that a process
# starting later has less to catch up.
SHARE_AFTER = 32
_POPCOUNT = bytes(bin(i).count("1") for i in range(256))
# Searches' match bitsets kept per index (about 12 KB each at 100,000 items), least recently
# used dropped first; every other derived bitset has one per taxonomy record at most.
MAX_DERIVED_SEARCHES = 128


@dataclass
class FacetIndex:
    key: str
    ids: array  # position -> item id, in the listing's order (newest first)
    ordinals: array  # position -> the period's start as a date ordinal (non-increasing)
    bits: dict  # (facet, option id or value) -> bitset
    version: int | None = None  # the listing version; None for a transaction's own state
    # position -> the period's end as a date ordinal, for items that last (projects); None
    # where the period is one day (news, documents).
    ends: array | None = None
    listing: object = NEWS  # news.listing.definition.Listing
    _positions: Positions = field(default=None, repr=False)
    _derived: dict = field(default_factory=dict, repr=False)
    _searches: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def size(self):
        return len(self.ids)

    def option(self, facet, value):
        return self.bits.get((facet, value), 0)

    def any_of(self, facet, values):
        mask = 0
        for value in values:
            mask |= self.option(facet, value)
        return mask

    def derived(self, key, build):
        """The bitset `build()` returns, built once per index and process. `key` names it;
        keys starting with "search" are kept only for the latest `MAX_DERIVED_SEARCHES`."""
        searches = key[0] == "search"
        store = self._searches if searches else self._derived
        with self._lock:
            found = store.get(key)
            if found is not None:
                if searches:
                    store.move_to_end(key)
                return found
        found = build()
        with self._lock:
            store[key] = found
            while searches and len(store) > MAX_DERIVED_SEARCHES:
                store.popitem(last=False)
        return found

    def date_range(self, start=None, end=None):
        """Positions of items running on at least one day between `start` and `end`
        (inclusive dates; the listing's `SpanPeriod`)."""
        # `ordinals` descends; bisect on the negated values, which ascend.
        negated = index_delta.Negated(self.ordinals)
        first = 0 if end is None else bisect.bisect_left(negated, -end.toordinal())
        if self.ends is not None:
            mask = self._run(first, self.size)
            return mask if start is None else mask & self.ends_from(start)
        stop = self.size if start is None else bisect.bisect_right(negated, -start.toordinal())
        return self._run(first, stop)

    @staticmethod
    def _run(first, stop):
        if stop <= first:
            return 0
        return ((1 << stop) - 1) ^ ((1 << first) - 1)

    @property
    def everything(self):
        return (1 << self.size) - 1

    def starts_after(self, day):
        """Positions of items whose period starts after `day`: the first ones."""
        negated = index_delta.Negated(self.ordinals)
        return self._run(0, bisect.bisect_left(negated, -day.toordinal()))

    def ends_from(self, day):
        """Positions of items whose period ends on `day` or later, kept with the index (one
        pass over the ends; a date range or a status asks for a few days only)."""
        ordinal = day.toordinal()

        def build():
            ends = self.ends if self.ends is not None else self.ordinals
            mask = bytearray((self.size + 7) // 8)
            for position, end in enumerate(ends):
                if end >= ordinal:
                    mask[position >> 3] |= 1 << (position & 7)
            return int.from_bytes(mask, "little")

        return self.derived(("ends-from", ordinal), build)

    @property
    def positions(self):
        if self._positions is None:
            self._positions = Positions(self.ids)
        return self._positions

    def first_in(self, mask, ordered_ids, start, stop):
        """The ids `start:stop` of `ordered_ids` (e.g. by relevance) whose bit is in `mask`."""
        data = mask.to_bytes((self.size + 7) // 8, "little")
        found = []
        seen = 0
        for pk, position in zip(ordered_ids, self.positions.each(ordered_ids), strict=True):
            if position < 0 or not data[position >> 3] >> (position & 7) & 1:
                continue
            if seen >= start:
                found.append(pk)
                if len(found) == stop - start:
                    break
            seen += 1
        return found

    def of_ids(self, ids):
        mask = bytearray((self.size + 7) // 8)
        for position in self.positions.each(ids):
            if position >= 0:
                mask[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(mask, "little")

    def page(self, mask, offset, limit, reverse=False):
        """Ids of the set bits `offset` to `offset + limit` of `mask`, in position order
        (newest first), or from the other end when `reverse`."""
        data = mask.to_bytes((self.size + 7) // 8, "little")
        byte_order = range(len(data) - 1, -1, -1) if reverse else range(len(data))
        found = []
        skipped = 0
        for index in byte_order:
            byte = data[index]
            if not byte:
                continue
            count = _POPCOUNT[byte]
            if skipped + count <= offset:
                skipped += count
                continue
            bit_order = range(7, -1, -1) if reverse else range(8)
            for bit in bit_order:
                if byte >> bit & 1:
                    if skipped >= offset:
                        found.append(self.ids[index * 8 + bit])
                        if len(found) == limit:
                            return found
                    skipped += 1
        return found

    def caught_up(self, key, version, pks):
        """This index at listing `version`, the items `pks` read again: a new index, as other
        threads may be reading this one. With no item of ours changed, the bits and what is
        derived from them are shared."""
        if not pks:
            return replace(self, key=key, version=version)
        rows = index_delta.changed_rows(self.listing, pks)
        ids, ordinals, ends, bits = index_delta.apply(
            self.ids, self.ordinals, self.ends, self.bits, pks, rows
        )
        if ids is self.ids:
            # Every item where it was: the positions and the searches' bitsets (ids only)
            # still hold; what is derived from the bits does not.
            return replace(self, key=key, version=version, bits=bits, _derived={})
        return FacetIndex(key, ids, ordinals, bits, version, ends, self.listing)

    def to_bytes(self):
        payload = {
            "key": self.key,
            "version": self.version,
            "ids": self.ids.tobytes(),
            "ordinals": self.ordinals.tobytes(),
            "ends": None if self.ends is None else self.ends.tobytes(),
            "bits": self.bits,
        }
        return zlib.compress(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL), 1)

    @classmethod
    def from_bytes(cls, blob, listing=NEWS):
        payload = pickle.loads(zlib.decompress(blob))  # our own cache entry, never user data
        ids, ordinals = array("q"), array("l")
        ids.frombytes(payload["ids"])
        ordinals.frombytes(payload["ordinals"])
        ends = None
        if payload["ends"] is not None:
            ends = array("l")
            ends.frombytes(payload["ends"])
        return cls(
            payload["key"], ids, ordinals, payload["bits"], payload["version"], ends, listing
        )


def build_index(key, version=None, listing=NEWS):
    """The listing's index read afresh from the database (news.listing.index_build)."""
    started = time.monotonic()
    ids, ordinals, ends, bits, positions = index_build.layout(listing)
    index = FacetIndex(key, ids, ordinals, bits, version, ends, listing, positions)
    logger.info(
        "facet index %s of %s built: %d items, %d bitsets in %.0f ms",
        key,
        listing.name,
        index.size,
        len(bits),
        (time.monotonic() - started) * 1000,
    )
    return index


# The index this process used last, per listing, release and database (and "private:<listing>"
# for the one of a transaction's own state): shared by its threads, read-only.
_latest = {}


def scope_of(listing, alias):
    """What names a listing's shared copy and its build lock: listing, release, database."""
    return f"{listing.name}:{release()}:{alias}"


def current_index(listing=NEWS):
    """The listing's index for the current listing state, or None while another worker is
    building it."""
    state, version = listing_state()
    alias = connection.alias
    key = f"{state}:{alias}"
    if version is None:
        return _private_index(listing, key)
    scope = scope_of(listing, alias)
    index = _latest.get(scope)
    # A copy newer than this process's state (trusted for a second at most) is newer still.
    if index is not None and index.version >= version:
        return index
    index = (index and _caught_up(index, key, version)) or _shared(listing, scope, key, version)
    if index is not None:
        _latest[scope] = index
    return index


def caught_up(index):
    """`index` brought to the current listing state through the deltas in this thread — a few
    milliseconds for a few changed items, far less than answering by SQL — or None when that
    cannot be done so (a delta missing, more than `INLINE_DELTAS` behind, a transaction's own
    state): never loaded, never built."""
    state, version = listing_state()
    if version is None or version - index.version > INLINE_DELTAS:
        return None
    found = _caught_up(index, f"{state}:{connection.alias}", version)
    scope = scope_of(index.listing, connection.alias)
    latest = _latest.get(scope)
    if found is not None and (latest is None or latest.version < found.version):
        _latest[scope] = found
    return found


def is_current(index):
    """Whether `index` is what `current_index()` would give now on this connection (the warm-up
    thread's copy is checked with this, never with a key format of its own)."""
    state, version = listing_state()
    if version is None:
        return index.key == f"{state}:{connection.alias}"
    return index.version >= version and index.key.endswith(f":{connection.alias}")


def _private_index(listing, key):
    """A transaction with changes of its own reads its own rows: an index for it alone."""
    name = f"private:{listing.name}"
    index = _latest.get(name)
    if index is None or index.key != key:
        index = _latest[name] = build_index(key, listing=listing)
    return index


def _caught_up(index, key, version):
    """`index` brought to `version` through the deltas, or None when one is missing or a
    rebuild is cheaper."""
    if version - index.version > MAX_DELTAS:  # a restarted cache's numbers jump far ahead
        return None
    behind = [DELTA_KEY.format(number) for number in range(index.version + 1, version + 1)]
    deltas = cache.get_many(behind)
    if len(deltas) < len(behind):
        return None
    label = label_of(index.listing.model)
    pks = set().union(*(delta.get(label, ()) for delta in deltas.values()))
    if len(pks) > index_delta.MAX_ITEMS:
        return None
    return index.caught_up(key, version, pks)


def _shared(listing, scope, key, version):
    """The shared copy, caught up; or one built here (and shared) when there is none or it
    cannot be caught up; or None while another worker builds it."""
    blob = cache.get(CACHE_KEY.format(scope))
    if blob is not None:
        shared = FacetIndex.from_bytes(blob, listing)
        if shared.version >= version:
            return shared
        index = _caught_up(shared, key, version)
        if index is not None:
            if version - shared.version >= SHARE_AFTER:
                cache.set(CACHE_KEY.format(scope), index.to_bytes(), MAX_CACHE_SECONDS)
            return index
    lock = LOCK_KEY.format(f"{scope}:{version}")
    if not cache.add(lock, 1, LOCK_SECONDS):
        return None
    try:
        index = build_index(key, version, listing)
        cache.set(CACHE_KEY.format(scope), index.to_bytes(), MAX_CACHE_SECONDS)
    finally:
        cache.delete(lock)
    return index
