"""What a change moves: the versions in the shared cache that derived data is keyed by.

Moving one number on every save threw away every page, panel, card and the facet index
whenever an editor saved anything, a draft included (measured: a published item edited every
5 s left the site at 0.003 of its cached speed, p99 9.9 s). A change now moves only what
visitors can tell from it (core.content_state reads these numbers; DESIGN.md, "Derived data
and speed", says what each cache is keyed by):

- `VERSION_KEY`, the content version: anything visitors can see (whole pages, searches).
  Each move leaves the items it concerns (`CHANGED_KEY`), so a search's matches are brought
  up to date for those items alone (news.listing.matches); a move without them (the
  taxonomy, a bulk load) means "rank again".
- `LISTING_KEY`, the listing version: which items are listed, in which order and under which
  facet values, and the taxonomy (the facet index, the filter panel). Each move leaves a delta
  (`DELTA_KEY`: the items it concerns, per model), so the facet index is brought up to date in
  place; a move without one (the taxonomy, a bulk load) means "rebuild". Where every item's
  place in the listings before and after the change is known (`MEMBERS_KEY`: its facet values,
  as the facet index has them), a stored listing page that neither could reach is kept
  (news.listing.reach).
- `BASE_KEY`, the base version: what no single item accounts for (the taxonomy, bulk loads,
  redirects); with an item's own version (`ITEM_KEY`) it keys that item's card.
- `ITEM_KEY`, an item's own version: its page, its card, and every stored page showing it
  (core.page_dependencies); `MODEL_KEY`, a model's: moved with any of its items' (what lists
  every item of a small model, such as the simple pages the menu and the footer link to).
- `SCHEDULE_KEY`: the schedule of items visitors cannot see yet, so the next scheduled change
  is found again without anything public moving.

Inside a transaction a change is recorded (`_Uncommitted`) and applied once, at the commit:
before it other connections still read the old rows.
"""

import logging
import secrets
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

from core import page_dependencies

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
LISTING_KEY = "listing-version"
BASE_KEY = "base-version"
SCHEDULE_KEY = "schedule-version"
DELTA_KEY = "listing-delta:{}"
# Where the items of a listing move stood in the listings before and after it (`Change.members`).
MEMBERS_KEY = "listing-members:{}"
# The items a content move concerns ({model label: pks}), so that what is derived from a few
# items' text (a search's matches: news.listing.matches) is brought up to date for them alone.
CHANGED_KEY = "content-changed:{}"
# In a move's record: some item's schedule changed (its next scheduled change must be found
# again); without it the next scheduled change stays where it was (core.content_state).
SCHEDULED = "schedule"
ITEM_KEY = "item-version:{}:{}"
MODEL_KEY = "model-version:{}"
# How long a listing delta is kept: a process whose index is older rebuilds it.
DELTA_SECONDS = 24 * 3600
# Past this many items a move keeps no members (a bulk change: the pages render again).
MAX_MEMBERS = 500
# A stored listing page further behind than this many listing moves is rendered again.
MAX_MEMBER_RANGE = 64
# Scheduled moments this close count as passed (clocks of servers differ a little).
DUE_MARGIN_SECONDS = 1
# Moves made by this process: a memo of the versions read before the last one is not trusted.
moves = 0
# {model label: memberships(pks, using, rows=None) -> {pk: where the item is listed or None}}:
# registered by the app whose listing pages can tell whether an item reaches them
# (news.listing.index_delta.memberships); any other model's listing moves keep no members.
MEMBERSHIPS = {}
# A membership nobody read (a path that does not say where the item was before).
UNKNOWN = "?"


def fresh_number():
    # Time-based (plus noise), so a flushed or restarted cache never hands out a number
    # used before.
    return int(time.time() * 1000) * 1000 + secrets.randbelow(1000)


def new_token():
    return secrets.token_hex(6)


def _increment(key):
    """The key's new number; a missing key starts afresh (a jump nobody can mistake for +1)."""
    try:
        return cache.incr(key)
    except ValueError:
        number = fresh_number()
        cache.set(key, number, None)
        return number


def label_of(model):
    return model._meta.label_lower


def item_key(model, pk):
    return ITEM_KEY.format(label_of(model), pk)


@dataclass
class Change:
    """What one change (or a transaction's changes together) moves."""

    # Something visitors can see changed.
    public: bool = False
    # Something no item accounts for (the taxonomy, a bulk load): every version moves, and the
    # listing's delta is unknown.
    everything: bool = False
    # Something visible that no item accounts for but that leaves the listings as they are (a
    # redirect): the base version moves with the content version.
    base: bool = False
    # The schedule of items visitors cannot see yet.
    schedule: bool = False
    # {model label: pks} whose listing (membership, order, facet values) changed.
    listed: dict = field(default_factory=dict)
    # {(model label, pk)} whose own rendering (page, card) changed.
    items: set = field(default_factory=set)
    # {(model label, pk): timestamp} of the next scheduled moment of the items changed: one
    # that has passed by the commit makes the item come or go with it (nobody else would
    # move anything for a moment already past when the schedule is found again).
    moments: dict = field(default_factory=dict)
    # {(model label, pk): where the item was listed before the change (None: nowhere), or
    # UNKNOWN}: read under the row's lock before the first write, for the items of `listed`
    # (the places after are read when the change is applied, after the commit).
    members: dict = field(default_factory=dict)

    def merge(self, other):
        # The place before the first change counts; an item listed before without one read
        # stays unknown.
        for label, pks in other.listed.items():
            for pk in pks:
                item = (label, pk)
                if item not in self.members:
                    known = pk not in self.listed.get(label, ())
                    self.members[item] = other.members.get(item, UNKNOWN) if known else UNKNOWN
        self.public |= other.public
        self.everything |= other.everything
        self.base |= other.base
        self.schedule |= other.schedule
        for label, pks in other.listed.items():
            self.listed.setdefault(label, set()).update(pks)
        self.items |= other.items
        for item, moment in other.moments.items():
            self.moments[item] = min(moment, self.moments.get(item, moment))

    def apply(self):
        """Move the shared versions, the content version last: whoever sees it moved sees
        everything else it stands for moved too."""
        global moves
        moves += 1
        for (label, pk), moment in self.moments.items():
            if moment <= time.time() + DUE_MARGIN_SECONDS:
                self.public = True
                self.items.add((label, pk))
                self.listed.setdefault(label, set()).add(pk)
        if self.items:
            token = new_token()
            keys = {ITEM_KEY.format(label, pk): token for label, pk in self.items}
            keys |= {MODEL_KEY.format(label): token for label, _pk in self.items}
            cache.set_many(keys, None)
        if self.everything or self.base:
            _increment(BASE_KEY)
        if self.everything or self.listed:
            members = None if self.everything else self._members()
            number = _increment(LISTING_KEY)
            if not self.everything:
                delta = {label: sorted(pks) for label, pks in self.listed.items()}
                cache.set_many(
                    {DELTA_KEY.format(number): delta, MEMBERS_KEY.format(number): members},
                    DELTA_SECONDS,
                )
        if self.schedule:
            _increment(SCHEDULE_KEY)
        if self.public or self.everything:
            number = _increment(VERSION_KEY)
            if not self.everything:
                changed = {}
                for label, pk in self.items:
                    changed.setdefault(label, set()).add(pk)
                for label, pks in self.listed.items():
                    changed.setdefault(label, set()).update(pks)
                changed = {label: sorted(pks) for label, pks in changed.items()}
                if self.schedule or self.moments:
                    changed[SCHEDULED] = True
                cache.set(CHANGED_KEY.format(number), changed, DELTA_SECONDS)

    def _members(self):
        """{label: ((pk, before, after), ...) or None when a place is unknown} of the listed
        items, the places after read now (after the commit: a later change's own before covers
        a place read too late)."""
        members = {}
        for label, pks in self.listed.items():
            pks = sorted(pks)
            read = MEMBERSHIPS.get(label)
            befores = [self.members.get((label, pk), UNKNOWN) for pk in pks]
            members[label] = None
            if read is None or UNKNOWN in befores or len(pks) > MAX_MEMBERS:
                continue
            try:
                after = read(pks)
            except Exception:  # the versions must move whatever happens to this read
                logger.warning("Listing members unread; listing pages render again", exc_info=True)
                continue
            members[label] = tuple(
                (pk, before, after[pk]) for pk, before in zip(pks, befores, strict=True)
            )
        return members


def listing_members(first, last, memo):
    """[{label: ((pk, before, after), ...) or None}] of the listing moves `first`..`last`, or
    None when one of them left no members (or a range so long a page is rendered sooner).
    `memo` keeps what was read ({version: members}, immutable once written)."""
    return _records(MEMBERS_KEY, first, last, memo)


def changed_items(first, last, memo):
    """[{label: pks}] of the content moves `first`..`last`, or None when one of them left no
    record (everything moved, or the cache lost it) or the range is too long to be worth
    reading. `memo` as for `listing_members`."""
    return _records(CHANGED_KEY, first, last, memo)


def _records(key, first, last, memo):
    if last - first + 1 > MAX_MEMBER_RANGE or first > last:
        return None
    records = {number: memo.get(number) for number in range(first, last + 1)}
    missing = [number for number, record in records.items() if record is None]
    if missing:
        found = cache.get_many([key.format(number) for number in missing])
        for number in missing:
            record = found.get(key.format(number))
            if record is None:
                return None
            records[number] = memo[number] = record
    return list(records.values())


class _Uncommitted:
    """What this connection changed in its open transaction, waiting for the commit.

    Until the commit other connections read the old rows, so the shared versions must not move
    before it (they would store the old rows under the new versions); they move once, at the
    commit, however many rows changed. This connection reads its own changes at once, so after
    a visible change it reads under states of its own (`token`, new at every such change and
    unique everywhere): what it stores meanwhile is never read by anyone else, nor by itself
    after a further change.
    """

    def __init__(self):
        self.done = False
        self.change = Change()
        self.token = None
        self._boundary = None

    def record(self, change):
        self.change.merge(change)
        if self.change.public or self.change.everything:
            self.token = new_token()
        self._boundary = None

    def boundary(self, find):
        """The next scheduled change as this connection's rows have it (`find()`), found once
        per change; one that comes due moves its state on, as a change does."""
        if self._boundary and time.time() >= self._boundary:
            self.record(Change(public=True))
        if self._boundary is None:
            self._boundary = find() or 0
        return self._boundary

    def __call__(self):
        self.done = True
        self.change.apply()


def uncommitted():
    """The pending change of this thread's open transaction, or None. It lives among the
    commit callbacks, so a rollback (of the transaction, or of the savepoint that made it)
    discards it with the changes; `done` covers callbacks run without a real commit (tests)."""
    connection = transaction.get_connection()
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _Uncommitted) and not callback.done:
            return callback
    return None


def record(change):
    """Outside a transaction the versions move at once; inside one, at the commit."""
    if not transaction.get_connection().in_atomic_block:
        change.apply()
        return
    pending = uncommitted()
    if pending is None:
        pending = _Uncommitted()
        transaction.on_commit(pending)
    pending.record(change)


def content_changed():
    """Something changed that no item accounts for (the taxonomy, a bulk load): everything
    moves and the facet index is rebuilt. Model signals (website.invalidation) make the calls
    for saves and deletes; only a bulk write that sends no signals makes this one by hand."""
    record(Change(public=True, everything=True))


def listing_unknown():
    """What the listings hold may have changed in ways no delta records (a scheduled moment
    passed unseen): the listing version moves without one, so the facet index is rebuilt."""
    global moves
    moves += 1
    _increment(LISTING_KEY)


def item_changed(model, pk, *, listed, before=UNKNOWN):
    """A change visitors can see of one item: its page and card, and with `listed` (it came
    or went, or its order or facet values changed) the listings too; `before` is where it was
    listed before the change (`memberships_before`)."""
    label = label_of(model)
    change = Change(public=True, items={(label, pk)})
    if listed:
        change.listed[label] = {pk}
        change.members[(label, pk)] = before
    record(change)


def memberships_before(model, pks, using, rows=None):
    """{pk: where the item is listed now or None}, read before a change that may move it (the
    rows locked by the caller), or {} for a model whose memberships nobody reads."""
    read = MEMBERSHIPS.get(label_of(model))
    return read(list(pks), using, rows) if read else {}


def item_versions(keys, found):
    """{key: version} for `item_key`s (or `model_key`s), from `found` (a `get_many` the caller
    made, with its own keys) or, where missing, newly set: a missing version can never match
    a card. Read before the rows they stand for, they are what a stored page showing those
    items depends on (core.page_dependencies)."""
    versions = {key: found[key] for key in keys if found.get(key) is not None}
    for key in keys:
        if key not in versions:
            token = new_token()
            versions[key] = token if cache.add(key, token, None) else cache.get(key, token)
    page_dependencies.note_versions(versions)
    return versions


def read_versions(model, ids):
    """{key: version} of `model`'s items `ids`, read in one round trip before their rows: a
    stored page showing them depends on them (core.page_dependencies)."""
    keys = [item_key(model, pk) for pk in ids]
    return item_versions(keys, cache.get_many(keys)) if keys else {}


def model_key(model):
    return MODEL_KEY.format(label_of(model))


def model_version(model):
    """The version of everything visitors can see of `model`'s items (any of their changes
    moves it), read before the rows; a stored page that shows them depends on it."""
    key = model_key(model)
    version = item_versions([key], {key: cache.get(key)})[key]
    page_dependencies.note_model(label_of(model), key, version)
    return version
