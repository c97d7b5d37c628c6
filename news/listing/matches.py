"""A search's matches: every public item of a listing in one language that matches the words,
best first, kept exact across edits by reading again only the items each change concerns.

Ranking asks the full-text index for every match: 80–800 ms for one word at 100,000 news
items. Kept under the content state, every save of any visible item ranked every search again,
in every process, and every listing page with search words was rendered again (a published
item edited every 5 s left the listing mix at 0.03 of the bare app). Now the matches are exact
for one content version, and each content move leaves the items it concerns
(core.content_changes.CHANGED_KEY). Matches of an earlier version are brought to the current
one by reading those items alone, by primary key, with their rank and the tie-break's column,
and putting each back in its place: an item that matches neither before nor after leaves them
as they were. A move that left no record (the taxonomy, a bulk load), one too far back, or a
database whose rank of a row depends on the others (SQLite's `bm25`:
search.backends.rank_per_row) ranks the search again.

What a page shows of a search depends on its matches and their order alone (an item matching
nothing adds nothing to a count), so a page rendered from them depends on their `token` (a
hash of the ids in order: the same matches give the same token in every process) and the
words, not on the content state (core.page_dependencies.note_search): an edit of an item the
words never match keeps every page of the search.

A search is ranked by one process at a time (a lock in the cache) and its matches are shared
through the cache whatever their size; the other processes wait for them and catch up from
there. At 1,000,000 items one common word matches 160,000–220,000 items and takes 1.6–2.5 s
of the database to rank.
"""

import bisect
import datetime
import hashlib
import threading
import time
from array import array
from collections import OrderedDict
from functools import lru_cache

from django.core.cache import cache

from core import page_dependencies
from core.content_changes import changed_items, label_of
from core.content_state import content_number, state_key
from core.release import release
from news.listing.definition import Listing
from news.listing.positions import find_positions
from search.backends import rank_per_row, ranked_rows
from search.query import parse_query

# Every search's matches are shared through the cache, whatever their size (16 bytes a match:
# 2.6 MB for one common word at 1,000,000 items), so a search is ranked once for every
# process: ranking one such word takes seconds of the database's time.
SHARED_SECONDS = 600
# While one process ranks a search (holding its lock), the others wait this long at most for
# it to share the matches, checking every `WAIT_STEP` seconds, rather than rank it beside it.
RANK_LOCK_SECONDS = 30
WAIT_SECONDS = 10
WAIT_STEP = 0.05
# A copy in the cache this many content moves behind is replaced by the caught-up one, so a
# process reading it later has less to catch up.
SHARE_AFTER = 32
# Searches kept per process, the least recently used dropped first.
MEMO_LIMIT = 256

_memo = OrderedDict()
# {content version: {label: pks}}: the items each move concerns, immutable once written.
_changed = {}
_CHANGED_LIMIT = 4096
_lock = threading.Lock()


class Matches:
    """The matches of one search at content version `version` (None: a transaction's own)."""

    def __init__(self, version, ids, ranks, starts, shared=None, members=None):
        self.version = version
        self.ids = ids  # array("q"), best first
        self.ranks = ranks  # array("f"): higher is better
        self.starts = starts  # array("i"): the tie-break's date as an ordinal
        self.shared = shared  # the version of the copy in the cache, if any
        self.token = hashlib.blake2b(ids.tobytes(), digest_size=8).hexdigest()
        # The ids sorted (for `in`): made where the search is ranked, shared with the rest,
        # then moved item by item (sorting 200,000 ids in each worker for each common word
        # was a seventh of the CPU while an item was edited at 1,000,000 items).
        self.members = SortedIds(ids) if members is None else members

    def at(self, version, shared=None):
        """The same matches, exact for a later `version` too."""
        return Matches(
            version, self.ids, self.ranks, self.starts, shared or self.shared, self.members
        )

    def patched(self, pks, rows, version):
        """These matches with the items `pks` read again: taken out, and those among `rows`
        ((id, rank, start ordinal): the ones matching now) put back in their place. Each
        item is found and moved in copies of the arrays (C copies and moves: a few
        milliseconds for a few items among 200,000), the members' too."""
        ids, ranks, starts = self.ids[:], self.ranks[:], self.starts[:]
        removed = find_positions(self.ids, [pk for pk in pks if pk in self.members])
        for position in sorted(removed.values(), reverse=True):
            del ids[position], ranks[position], starts[position]
        for pk, rank, start in rows:
            # Stored as the database's 32-bit rank, compared as SQL compared it.
            rank = array("f", [rank])[0]
            position = _place(ids, ranks, starts, (-rank, -start, -pk))
            ids.insert(position, pk)
            ranks.insert(position, rank)
            starts.insert(position, start)
        members = self.members.changed(list(removed), [pk for pk, _rank, _start in rows])
        return Matches(version, ids, ranks, starts, self.shared, members)

    def stored(self):
        arrays = (self.ids, self.ranks, self.starts, self.members.ids)
        return (self.version, *(part.tobytes() for part in arrays))

    @classmethod
    def read(cls, value):
        if not isinstance(value, tuple | list) or len(value) != 5:
            return None
        version, *blobs = value
        ids, ranks, starts, members = array("q"), array("f"), array("i"), array("q")
        for part, blob in zip((ids, ranks, starts, members), blobs, strict=True):
            part.frombytes(blob)
        return cls(version, ids, ranks, starts, version, SortedIds(members, presorted=True))


class SortedIds:
    """Ids in a sorted array, answering `in` by bisection."""

    def __init__(self, ids, presorted=False):
        self.ids = ids if presorted else array("q", sorted(ids))

    def __contains__(self, pk):
        found = bisect.bisect_left(self.ids, pk)
        return found < len(self.ids) and self.ids[found] == pk

    def __len__(self):
        return len(self.ids)

    def any_of(self, pks):
        return any(pk in self for pk in pks)

    def changed(self, removed, added):
        """These ids without `removed` (all of them members) and with `added`, in a copy."""
        ids = self.ids[:]
        for pk in removed:
            del ids[bisect.bisect_left(ids, pk)]
        for pk in added:
            bisect.insort(ids, pk)
        return SortedIds(ids, presorted=True)


def _place(ids, ranks, starts, key):
    """Where an item of `key` (-rank, -start, -id) goes: best first, then newest, then the
    higher id, as `ORDER BY rank DESC, start DESC, id DESC`."""
    low, high = 0, len(ids)
    while low < high:
        middle = (low + high) // 2
        if (-ranks[middle], -starts[middle], -ids[middle]) < key:
            low = middle + 1
        else:
            high = middle
    return low


def _ordinal(value):
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return value.toordinal()


def _rows(listing, search, pks=None):
    """[(id, rank, start ordinal)] of the public matches, best first (among `pks` if given)."""
    public = listing.public(search.language)
    if pks is not None:
        public = public.filter(pk__in=pks)
    rows = ranked_rows(public, search, listing.rank_tiebreak, listing.period.start)
    return [(pk, rank, _ordinal(start)) for pk, rank, start in rows]


def _ranked(listing, search, version):
    rows = _rows(listing, search)
    ids = array("q", (pk for pk, _rank, _start in rows))
    ranks = array("f", (rank for _pk, rank, _start in rows))
    starts = array("i", (start for _pk, _rank, start in rows))
    return Matches(version, ids, ranks, starts)


def _patchable(listing):
    """Whether an item read again can be put back in its place: its rank depends on itself
    alone, and equal ranks are ordered by the period's start, then the id, newest first."""
    return rank_per_row() and listing.rank_tiebreak == f"{listing.period.start} DESC, id DESC"


def _at(held, listing, search, version):
    """`held` (of `version` or earlier) at `version`, or None (`_caught_up`)."""
    return held if held.version == version else _caught_up(held, listing, search, version)


def _caught_up(held, listing, search, version):
    """`held` brought to `version`, or None when it cannot be (rank the search again)."""
    if len(_changed) > _CHANGED_LIMIT:
        _changed.clear()
    moves = changed_items(held.version + 1, version, _changed)
    if moves is None:
        return None
    label = label_of(listing.model)
    pks = {pk for move in moves for pk in move.get(label, ())}
    if not pks:
        return held.at(version)
    if not _patchable(listing):
        return None
    rows = _rows(listing, search, pks)
    if not rows and not held.members.any_of(pks):
        return held.at(version)
    return held.patched(pks, rows, version)


def _key(listing, search):
    words = hashlib.sha256(search.fts5().encode()).hexdigest()
    return f"matches:{listing.name}:{release()}:{search.language}:{words}"


def _current(listing, search, version):
    key = _key(listing, search)
    with _lock:
        held = _memo.get(key)
        if held is not None:
            _memo.move_to_end(key)
    if held is not None and held.version == version:
        return held
    if held is None or held.version > version:
        # Another process's copy only where this one has none to catch up.
        held = _shared_copy(key, version)
    found = None if held is None else _at(held, listing, search, version)
    if found is None:
        found = _ranked_once(key, listing, search, version)
    changed = held is None or found.token != held.token
    if found.shared != version and (
        changed or found.shared is None or version - found.shared >= SHARE_AFTER
    ):
        found = _shared(key, found, version)
    if held is None or held.version != version:
        # The token alone: what a stored page's hit checks (`token_of`).
        cache.set(_token_key(key, version), found.token, SHARED_SECONDS)
    with _lock:
        _memo[key] = found
        while len(_memo) > MEMO_LIMIT:
            _memo.popitem(last=False)
    return found


def _shared(key, found, version):
    """`found` (of `version`), put in the cache for the other processes."""
    cache.set(key, found.stored(), SHARED_SECONDS)
    return found.at(version, shared=version)


def _shared_copy(key, version):
    shared = Matches.read(cache.get(key))
    return shared if shared is not None and shared.version <= version else None


def _ranked_once(key, listing, search, version):
    """The search ranked by this process, shared before its lock is let go; or, while another
    process ranks it, that one's matches once shared (ranked here after all if they do not
    come within `WAIT_SECONDS`). Every worker meeting a new common word at once ranked it side
    by side: at 1,000,000 items each ranking took several times its quiet 2 s, past the
    statement timeout, and nothing was ever kept (the listing mix fell to 3 requests a
    second)."""
    lock = f"{key}:ranking"
    if cache.add(lock, 1, RANK_LOCK_SECONDS):
        try:
            return _shared(key, _ranked(listing, search, version), version)
        finally:
            cache.delete(lock)
    deadline = time.monotonic() + WAIT_SECONDS
    while cache.get(lock) is not None and time.monotonic() < deadline:
        time.sleep(WAIT_STEP)
    shared = _shared_copy(key, version)
    found = None if shared is None else _at(shared, listing, search, version)
    return found or _ranked(listing, search, version)


def _token_key(key, version):
    return f"{key}:token:{version}"


def matches(listing, search):
    """The current matches of `search` (search.query's parsed words) in `listing`. A page
    being recorded depends on them: on their words and token, or, inside a transaction with
    visible changes of its own (its rows are its own), on everything."""
    version = content_number()
    if version is None:
        state_key()
        return _ranked(listing, search, None)
    found = _current(listing, search, version)
    page_dependencies.note_search((listing.name, search.language, search.raw), found.token)
    return found


@lru_cache(maxsize=1024)
def _parsed(raw, language):
    return parse_query(raw, language)


def _dependency(spec):
    """(listing, parsed search, content version) of the search a stored page depends on
    (`(listing name, language, words)`, as `matches` noted it), or None when it cannot be had
    now."""
    name, language, raw = spec
    listing = next((each for each in Listing.defined if each.name == name), None)
    version = content_number()
    if listing is None or version is None:
        return None
    return listing, _parsed(raw, language), version


def of_dependency(spec):
    """The current matches of the search a stored page depends on, or None."""
    found = _dependency(spec)
    return None if found is None else _current(*found)


def token_of(spec):
    """The current token of the matches of the search a stored page depends on (as in
    `of_dependency`), or None. A hit needs nothing more, and any process that had the matches
    at this content version left their token in the cache, a few bytes where the matches of a
    common word at 1,000,000 items are megabytes."""
    found = _dependency(spec)
    if found is None:
        return None
    listing, search, version = found
    key = _key(listing, search)
    with _lock:
        held = _memo.get(key)
    if held is not None and held.version == version:
        return held.token
    token = cache.get(_token_key(key, version))
    if isinstance(token, str):
        return token
    return _current(listing, search, version).token
