"""The states everything derived from content is keyed by, read once a second at most.

Everything derived from content — cached pages, panels, cards, the menu, the facet index —
is keyed by one of the states read here, so nothing has to be found and deleted on a change:
a save, a delete, or the passing of a scheduled `publish_at`/`expire_at` moves the versions
it concerns on (core.content_changes says which), and stale entries simply stop being asked
for (and expire):

- `state_key()`: anything visitors can see (searches, fragments, and whole pages whose view does
  not declare what they show: core.page_dependencies; reading it during such a page's rendering
  makes the page depend on everything);
- `listing_state()`: membership, order and facet values of the listings, and the taxonomy
  (the facet index, brought up to date in place through the deltas; the filter panel);
- `base_state()`: the taxonomy and bulk loads (facet options, the menu, with each item's own
  version the cards).

`page_states()` gives the page cache all three at once, and `versions_now()` the item and
model versions (core.content_changes) a stored page depends on, from a memo trusted as long as
the states'.

A process trusts the states it last read for `CONTENT_VERSION_SECONDS` (never more than one
second, and never past the next scheduled change): a listing page asks for them several
times (the page cache, the facet index, the panel and card keys, the taxonomy options), and two
cache round trips each time were a fifth of an uncached page. A change made in this process
is seen at once (a move forgets the memo, and an open transaction reads under a state of its
own); one made by another app server within a second.

Whatever the path of a change (admin, importer, command, a script's `save()`), model signals
(website.invalidation) record it; a transaction moves the versions once.
"""

import datetime
import math
import time
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Value
from django.db.models.functions import Cast
from django.utils import timezone

from core import content_changes, page_dependencies
from core.content_changes import (
    BASE_KEY,
    LISTING_KEY,
    SCHEDULE_KEY,
    VERSION_KEY,
    Change,
    fresh_number,
    label_of,
    listing_unknown,
    uncommitted,
)
from core.publishing import Publishable, Status
from core.release import release

__all__ = ["VERSION_KEY"]

# (content version, schedule version, next scheduled change or 0): one key, read with them,
# kept for good (a boundary lost would be a scheduled moment nobody handles).
NEXT_CHANGE_KEY = "content-next-change"
# The longest a process may go on trusting the content state it last read.
MAX_VERSION_SECONDS = 1.0
# How far before a scheduled moment an item counts as due when it comes (clock skew between
# servers): a due item is read again, which is harmless when it was read already.
DUE_MARGIN_SECONDS = 60
VERSION_KEYS = (VERSION_KEY, LISTING_KEY, BASE_KEY, SCHEDULE_KEY)


class Versions(NamedTuple):
    content: int
    listing: int
    base: int
    schedule: int


# (versions, next scheduled change or 0, monotonic time the read began, moves made by this
# process then): replaced whole, never mutated, so threads can share it.
_memo = (None, 0, -math.inf, -1)


def _version(key, found):
    version = found.get(key)
    if version is None:
        cache.add(key, fresh_number(), None)
        version = cache.get(key) or fresh_number()
    return version


def content_version():
    return _version(VERSION_KEY, {})


def trusted_seconds():
    """How long a state read from the cache is trusted (`CONTENT_VERSION_SECONDS`, capped)."""
    seconds = float(getattr(settings, "CONTENT_VERSION_SECONDS", MAX_VERSION_SECONDS))
    return min(max(0.0, seconds), MAX_VERSION_SECONDS)


def forget_state():
    global _memo
    _memo = (None, 0, -math.inf, -1)
    _versions_memo.clear()


def publishable_models():
    """Every concrete model built on `Publishable`, found through the app registry so that a
    new content type takes part without this module knowing it."""
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def next_scheduled_change(now=None):
    """The next moment a published item changes by itself (goes live, expires, or whatever
    else its model schedules: `Publishable.moment_aggregates`), as a timestamp, or None.

    One query for every model (a UNION ALL of one row per model), not one per model: it is
    asked after every change that moves a schedule. Each row has a column for every model's
    every kind of moment, its own filled and the others NULL cast to its type, so each column
    keeps one type."""
    now = now or timezone.now()
    columns = [
        (model, key, aggregate)
        for model in publishable_models()
        for key, aggregate in model.moment_aggregates(now).items()
    ]
    names = [f"moment_{number}" for number in range(len(columns))]
    arms = []
    for model in publishable_models():
        selected = {
            name: aggregate if owner is model else Cast(Value(None), _field_of(owner, aggregate))
            for name, (owner, _key, aggregate) in zip(names, columns, strict=True)
        }
        # Grouped by the one status filtered for: one row, or none without published rows.
        published = model.objects.filter(status=Status.PUBLISHED).order_by()
        arms.append(published.values("status").annotate(**selected).values_list(*names))
    if not arms:
        return None
    moments = []
    for row in arms[0].union(*arms[1:], all=True).order_by():
        for value, (owner, key, _aggregate) in zip(row, columns, strict=True):
            if value is not None:
                moments.append(owner.as_moment(key, value))
    return min(moments).timestamp() if moments else None


def _field_of(model, aggregate):
    """A fresh field of the type `aggregate` (a Min of one of `model`'s columns) gives."""
    return type(model._meta.get_field(aggregate.source_expressions[0].name))()


def seconds_until_next_change():
    """How long anything derived from the current state may be kept, at most."""
    boundary = current_state()[1]
    return None if boundary is None else max(0.0, boundary - time.time())


def state_of(version, scope=""):
    """The state a version stands for under the running release (core.release): what one
    release stored is never read by another."""
    return f"{release()}.{scope}{version}"


def listing_version(state):
    """The listing version a listing state (`listing_state()`) stands for under the running
    release, or None (another release's, or a transaction's own)."""
    prefix = state_of("", "L")
    number = state[len(prefix) :] if isinstance(state, str) and state.startswith(prefix) else ""
    return int(number) if number.isdigit() else None


def current_state():
    """(state, next scheduled change as a timestamp or None): the current version, moved on
    first if a scheduled change has come due."""
    state, boundary, _read_at, _values = read_state()
    return state, boundary


def _memo_trusted(versions, boundary, read_at, moves):
    # A read that seems to lie in the future (a clock moved back under test) is not trusted.
    return (
        versions is not None
        and moves == content_changes.moves
        and 0 <= time.monotonic() - read_at < trusted_seconds()
        and not (boundary and time.time() >= boundary)
    )


def _boundary_of(versions, known):
    """The next scheduled change under `versions` (content and schedule): the one stored with
    them, or found anew. The schedule version moves after the commit of a hidden item's new
    schedule and is read before the rows, so a boundary found from older rows is never
    stored under the newer version."""
    if isinstance(known, tuple) and known[:2] == (versions.content, versions.schedule):
        return known[2]
    boundary = _carried(versions, known)
    if boundary is None:
        boundary = next_scheduled_change() or 0
    cache.set(NEXT_CHANGE_KEY, (versions.content, versions.schedule, boundary), None)
    return boundary


# {content version: the items it concerns}, read once per process (immutable once written).
_changed = {}


def _carried(versions, known):
    """The next scheduled change found under earlier versions, when no move since changed any
    item's schedule (core.content_changes.SCHEDULED): an edit of a text or a tag leaves it
    where it was. Else None: it is found again (a query over every model, 280 ms measured at
    100,000 items on a loaded machine, by every process at once after each save)."""
    if not isinstance(known, tuple) or known[1] != versions.schedule:
        return None
    if not isinstance(known[0], int) or known[0] >= versions.content:
        return None
    if len(_changed) > 4096:
        _changed.clear()
    moves = content_changes.changed_items(known[0] + 1, versions.content, _changed)
    if moves is None or any(content_changes.SCHEDULED in move for move in moves):
        return None
    return known[2]


def _come_due(since):
    """Move the versions for the items whose scheduled moment passed since `since` (the
    boundary that passed, a timestamp): they came or went, so the listings move with them as
    their delta. Without a stored boundary (a cache that lost it, or a new one) what passed
    is unknown, and the facet index is rebuilt. The boundary is then found again, under the
    new versions.

    A boundary is checked whether or not it was found under the current versions: a change
    found the next one anew, so a moment that passed before was never handled."""
    if since is None:
        listing_unknown()
        cache.set(NEXT_CHANGE_KEY, (None, None, 0), None)
        return
    change = Change(public=True)
    start = timezone.now()
    since = datetime.datetime.fromtimestamp(since - DUE_MARGIN_SECONDS, tz=datetime.UTC)
    for model in publishable_models():
        due = model.objects.filter(status=Status.PUBLISHED).filter(model.due(since, start))
        label = label_of(model)
        pks = set(due.values_list("pk", flat=True))
        if pks:
            change.listed[label] = pks
            change.items |= {(label, pk) for pk in pks}
        # A moment that changes how a visible item is shown, not whether or where it is
        # listed: its own version and the content move (`change` is public), not the listings.
        for name in model.moment_fields:
            shown = model.objects.published(start).filter(
                **{f"{name}__gt": since, f"{name}__lte": start}
            )
            change.items |= {(label, pk) for pk in shown.values_list("pk", flat=True)}
    change.apply()
    cache.set(NEXT_CHANGE_KEY, (None, None, 0), None)


def _read(*keys):
    """(versions, next scheduled change or 0, monotonic time the read began, {key: value}).

    The one memo of the versions: read from the cache at most once per `trusted_seconds()`,
    and then in one round trip together with `keys` (the page cache's page), whose values
    come back in the dict (None when missing); when the memo served, the dict is empty and
    the caller reads them itself.
    """
    global _memo
    versions, boundary, read_at, moves = _memo
    values = {}
    if not _memo_trusted(versions, boundary, read_at, moves):
        moves = content_changes.moves
        read_at = time.monotonic()
        found = cache.get_many([*VERSION_KEYS, NEXT_CHANGE_KEY, *keys])
        values = {key: found.get(key) for key in keys}
        versions = Versions(*(_version(key, found) for key in VERSION_KEYS))
        pending = uncommitted()
        known = found.get(NEXT_CHANGE_KEY)
        passed = known[2] if isinstance(known, tuple) else None
        if pending is not None:
            # Its rows are not everyone's: its schedule is its own, never stored.
            boundary = pending.boundary(next_scheduled_change)
        elif passed is None or 0 < passed <= time.time():
            _come_due(passed)
            return _read(*keys)
        else:
            boundary = _boundary_of(versions, known)
        if trusted_seconds():
            _memo = (versions, boundary, read_at, moves)
    return versions, boundary, read_at, values


def read_state(*keys):
    """(content state, next scheduled change or None, monotonic time the read began,
    {key: value}) — see `_read`. A memo built on the state must count from the time returned.

    A transaction with visible changes of its own sees rows nobody else sees yet: it reads
    under a state of its own and its schedule is its own (`_Uncommitted.boundary`), never
    stored for the other processes.
    """
    versions, boundary, read_at, values = _read(*keys)
    state = state_of(versions.content)
    pending = uncommitted()
    if pending is not None:
        boundary = pending.boundary(next_scheduled_change)
        if pending.token:
            state = f"{state}.{pending.token}"
    return state, boundary or None, read_at, values


def _private(state):
    pending = uncommitted()
    if pending is not None:
        pending.boundary(next_scheduled_change)
    if pending is not None and pending.token:
        return f"{state}.{pending.token}"
    return None


def listing_state():
    """(state, listing version or None): what the listings' membership, order and facet values
    are keyed by. The version is None inside a transaction with visible changes of its own,
    whose state is its own."""
    versions = _read()[0]
    state = state_of(versions.listing, "L")
    private = _private(state)
    return (private, None) if private else (state, versions.listing)


def content_number():
    """The content version as a number, what is derived from items' text is exact for (a
    search's matches: news.listing.matches, brought up to date through the items each move
    concerns), or None inside a transaction with visible changes of its own."""
    versions = _read()[0]
    return None if _private("") else versions.content


def base_state():
    """What the taxonomy is keyed by (facet options, the menu, and with each item's own
    version its card)."""
    state = state_of(_read()[0].base, "B")
    return _private(state) or state


def state_key():
    """The current content state (see `current_state`). Whatever is kept under it may show
    anything, so a page being rendered that reads it depends on everything
    (core.page_dependencies)."""
    page_dependencies.everything()
    return current_state()[0]


def page_states(*keys):
    """({state, listing, base}, next scheduled change or None, {key: value}): what a stored
    page is kept under (core.page_dependencies), read as `read_state` reads, with `keys` in
    the same round trip when the memo has lapsed (the dict is empty when it served)."""
    versions, boundary, _read_at, values = _read(*keys)
    pending = uncommitted()
    if pending is not None:
        boundary = pending.boundary(next_scheduled_change)
    states = {
        page_dependencies.STATE: state_of(versions.content),
        page_dependencies.LISTING: state_of(versions.listing, "L"),
        page_dependencies.BASE: state_of(versions.base, "B"),
    }
    states = {name: _private(state) or state for name, state in states.items()}
    return states, boundary or None, values


# {version key: (value, monotonic time read, moves of this process then)}: item and model
# versions a process read lately, trusted like the states.
_versions_memo = {}
# About 200 bytes an entry: 200,000 held 40 MB in a worker (the memory per worker is bounded,
# issue 15); more versions than this are read again within a second only by a process showing
# more than this many items a second.
_VERSIONS_MEMO_LIMIT = 20_000


def stale_versions(keys):
    """The version keys among `keys` this process has not read within `trusted_seconds()`."""
    now = time.monotonic()
    seconds = trusted_seconds()
    stale = []
    for key in keys:
        known = _versions_memo.get(key)
        if not (known and known[2] == content_changes.moves and 0 <= now - known[1] < seconds):
            stale.append(key)
    return stale


def remember_versions(values, read_at):
    """Keep item/model versions read at `read_at` (monotonic); a missing one is not kept."""
    if len(_versions_memo) > _VERSIONS_MEMO_LIMIT:
        _versions_memo.clear()
    moves = content_changes.moves
    for key, value in values.items():
        if value is not None:
            _versions_memo[key] = (value, read_at, moves)


def versions_now(keys, found=None):
    """{key: current value or None} of item/model version keys: from `found` (read by the
    caller in a round trip of its own), else from the memo where it is trusted, the others
    read in one round trip."""
    found = dict(found or {})
    missing = [key for key in stale_versions(keys) if key not in found]
    if missing:
        read_at = time.monotonic()
        fresh = cache.get_many(missing)
        remember_versions(fresh, read_at)
        found.update({key: fresh.get(key) for key in missing})
    return {key: found[key] if key in found else _versions_memo[key][0] for key in keys}


def model_version_now(model):
    """`content_changes.model_version` read through the versions' memo (trusted as long as the
    states, a process's own changes at once): the menu and the footer ask for the pages'
    version on every page, a cache round trip each."""
    key = content_changes.model_key(model)
    version = content_changes.item_versions([key], versions_now([key]))[key]
    page_dependencies.note_model(label_of(model), key, version)
    return version
