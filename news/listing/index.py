"""An in-memory index of the published news items for counting and paging the listing.

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

The index is exact for one `core.content_state.state_key()`: any visible change or scheduled
publication moves the key on and the index is rebuilt. One worker builds it (under a cache
lock) and shares it through the cache as compact bytes; the others load it. A request that
finds no index for the current key falls back to the SQL path, so answers are never stale.
"""

import bisect
import logging
import pickle
import threading
import time
import zlib
from array import array
from collections import OrderedDict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection

from core import languages
from core.content_state import seconds_until_next_change, state_key
from news.models import NewsItem, NewsItemIssuer

logger = logging.getLogger(__name__)

CACHE_KEY = "facet-index:{}"
LOCK_KEY = "facet-index-lock:{}"
LOCK_SECONDS = 60
MAX_CACHE_SECONDS = 24 * 3600
_POPCOUNT = bytes(bin(i).count("1") for i in range(256))
# Searches' match bitsets kept per index (about 12 KB each at 100,000 items), least recently
# used dropped first; every other derived bitset has one per taxonomy record at most.
MAX_DERIVED_SEARCHES = 128


@dataclass
class FacetIndex:
    key: str
    ids: array  # position -> NewsItem id, newest first
    ordinals: array  # position -> issued_on as a date ordinal (non-increasing)
    bits: dict  # (facet, option id or value) -> bitset
    _positions: dict = field(default=None, repr=False)
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
        """Positions of items issued between `start` and `end` (inclusive dates)."""
        # `ordinals` descends; bisect on the negated values, which ascend.
        negated = _Negated(self.ordinals)
        first = 0 if end is None else bisect.bisect_left(negated, -end.toordinal())
        stop = self.size if start is None else bisect.bisect_right(negated, -start.toordinal())
        if stop <= first:
            return 0
        return ((1 << stop) - 1) ^ ((1 << first) - 1)

    @property
    def positions(self):
        if self._positions is None:
            self._positions = {pk: position for position, pk in enumerate(self.ids)}
        return self._positions

    def first_in(self, mask, ordered_ids, start, stop):
        """The ids `start:stop` of `ordered_ids` (e.g. by relevance) whose bit is in `mask`."""
        data = mask.to_bytes((self.size + 7) // 8, "little")
        positions = self.positions
        found = []
        seen = 0
        for pk in ordered_ids:
            position = positions.get(pk)
            if position is None or not data[position >> 3] >> (position & 7) & 1:
                continue
            if seen >= start:
                found.append(pk)
                if len(found) == stop - start:
                    break
            seen += 1
        return found

    def of_ids(self, ids):
        positions = self.positions
        mask = bytearray((self.size + 7) // 8)
        for pk in ids:
            position = positions.get(pk)
            if position is not None:
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

    def to_bytes(self):
        payload = {
            "key": self.key,
            "ids": self.ids.tobytes(),
            "ordinals": self.ordinals.tobytes(),
            "bits": self.bits,
        }
        return zlib.compress(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL), 1)

    @classmethod
    def from_bytes(cls, blob):
        payload = pickle.loads(zlib.decompress(blob))  # our own cache entry, never user data
        ids, ordinals = array("q"), array("l")
        ids.frombytes(payload["ids"])
        ordinals.frombytes(payload["ordinals"])
        return cls(payload["key"], ids, ordinals, payload["bits"])


class _Negated:
    """A read-only view of a descending array as its ascending negation, for bisect."""

    def __init__(self, values):
        self.values = values

    def __len__(self):
        return len(self.values)

    def __getitem__(self, index):
        return -self.values[index]


def _set_bit(bitsets, key, position, nbytes):
    bitset = bitsets.get(key)
    if bitset is None:
        bitset = bitsets[key] = bytearray(nbytes)
    bitset[position >> 3] |= 1 << (position & 7)


def build_index(key):
    """Read the published items and their tags once and lay them out as bitsets."""
    started = time.monotonic()
    published = NewsItem.objects.published().order_by("-issued_on", "-id")
    codes = languages.codes()
    rows = list(
        published.values_list("id", "issued_on", "type", *(f"in_language_{c}" for c in codes))
    )
    ids = array("q", (row[0] for row in rows))
    ordinals = array("l", (row[1].toordinal() for row in rows))
    positions = {pk: position for position, pk in enumerate(ids)}
    nbytes = (len(ids) + 7) // 8
    raw = {}
    for position, (_pk, _issued_on, news_type, *in_language) in enumerate(rows):
        _set_bit(raw, ("type", news_type), position, nbytes)
        # The languages an item is published in are a facet no visitor picks: every listing
        # starts from its own language's bitset.
        for code, published_in in zip(codes, in_language, strict=True):
            if published_in:
                _set_bit(raw, ("language", code), position, nbytes)
    links = (
        ("field_of_work", NewsItem.fields_of_work.through, "newsitem_id", "fieldofwork_id"),
        ("country", NewsItem.countries.through, "newsitem_id", "country_id"),
        ("structure", NewsItemIssuer, "news_item_id", "structure_id"),
    )
    for facet, model, item_column, option_column in links:
        for item_id, option_id in model.objects.values_list(item_column, option_column):
            position = positions.get(item_id)
            if position is not None:
                _set_bit(raw, (facet, option_id), position, nbytes)
    bits = {name: int.from_bytes(bitset, "little") for name, bitset in raw.items()}
    index = FacetIndex(key, ids, ordinals, bits)
    logger.info(
        "facet index %s built: %d items, %d bitsets in %.0f ms",
        key,
        index.size,
        len(bits),
        (time.monotonic() - started) * 1000,
    )
    return index


# The last index this process used: one per process, shared by its threads (read-only).
_latest = None


def current_index():
    """The index for the current state, or None while another worker is building it."""
    global _latest
    key = f"{state_key()}:{connection.alias}"
    index = _latest
    if index is not None and index.key == key:
        return index
    blob = cache.get(CACHE_KEY.format(key))
    if blob is not None:
        index = FacetIndex.from_bytes(blob)
    elif cache.add(LOCK_KEY.format(key), 1, LOCK_SECONDS):
        try:
            index = build_index(key)
            lifetime = seconds_until_next_change()
            timeout = (
                MAX_CACHE_SECONDS if lifetime is None else max(1, min(lifetime, MAX_CACHE_SECONDS))
            )
            cache.set(CACHE_KEY.format(key), index.to_bytes(), int(timeout))
        finally:
            cache.delete(LOCK_KEY.format(key))
    else:
        return None
    _latest = index
    return index
