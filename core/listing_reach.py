"""Whether a listing move can change a stored listing page (osce_site.page_cache).

A listing page shows its results (the items on it, their number and the number of pages) and
its facet counts. Facets are counted disjunctively: an option's count is the number of items
matching every *other* facet's filters (and the language and the period) and having that
option. So an item that misses the page's language or period, or two of its facets' filters,
is in nothing the page shows; one that misses exactly one facet's filter is only in that
facet's counts, under its own values in that facet. A change after which an item adds the
same to the page as before (`footprint`: nothing, or the same values in the same missed
facet) leaves the page as it was, results, counts and positions alike; one that matches
every filter, before or after, renders it again.

Each listing move keeps where its items stood before and after it (core.content_changes,
`MEMBERS_KEY`: their facet values as the facet index has them). A page whose listing state has
moved is kept, under the new state, when no item of the moves since it was stored reaches it;
when one does, or a move kept no members (the taxonomy, a bulk load, a scheduled moment, a
path that cannot say where an item was), or the page is too far behind, it is rendered again.

A page with search words is reached only by the search's matches (the same when it was stored
and now, or the page is rendered again: news.listing.matches): the page cache passes them
(`within`), and every other item of a move is passed over.

A page's reach, `(label, required, groups, period)`, is noted by the view
(`page_dependencies.note_listing`, news.listing.index_engine.reach_of):
- `label`: the model whose items it lists (other models' items never reach it);
- `required`: groups of facet values each of which an item must have one of (its language);
- `groups`: one `(facet, values)` per active facet (the bitset names ticked, and the prefix
  of that facet's names: "structure" for the issuers), all but one to be matched;
- `period`: (first, last) date ordinals, either None; an item that lasts (a project) is in
  it when it runs on one of its days.
A page whose filters the index cannot name (a project's status) has `required` None: any
item of its listing in a move renders it again, another listing's moves keep it.
"""

from core.content_changes import listing_members
from core.content_state import listing_version

# An item matching every filter of a page (see `footprint`).
ALL = "all"
# {listing version: its members}, read once per process (a move's members never change).
_memo = {}
_MEMO_LIMIT = 4096


def footprint(reach, membership):
    """What an item standing at `membership` ((date ordinal, facet values[, end ordinal]) or
    None when not listed) adds to a page of `reach`: None (nothing), ALL (it matches every
    filter: it is among the results and in every count), or (the one group it misses, its
    values in that group's facet), the only counts it is in."""
    if membership is None:
        return None
    ordinal, names, *end = membership
    # An item that lasts (a project) is in a period it runs on at least one day of.
    end = end[0] if end else ordinal
    names = {tuple(name) for name in names}
    _label, required, groups, (first, last) = reach
    if (first is not None and end < first) or (last is not None and ordinal > last):
        return None
    if not all(names.intersection(map(tuple, group)) for group in required):
        return None
    missed = [
        (index, facet)
        for index, (facet, values) in enumerate(groups)
        if not names.intersection(map(tuple, values))
    ]
    if not missed:
        return ALL
    if len(missed) > 1:
        return None
    index, facet = missed[0]
    return index, tuple(sorted((name for name in names if name[0] == facet), key=repr))


def unreached(reach, stored_state, state, within=None):
    """Whether no listing move from `stored_state` to `state` (listing states) can change a
    page of `reach`; False whenever that cannot be told. `within`: the only items that can
    reach the page at all, if not every one (a search's matches, the same when the page was
    stored and now: an item outside them adds nothing to it, whatever its place)."""
    first, last = listing_version(stored_state), listing_version(state)
    if first is None or last is None or last <= first:
        return False
    if len(_memo) > _MEMO_LIMIT:
        _memo.clear()
    moves = listing_members(first + 1, last, _memo)
    if moves is None:
        return False
    label = reach[0]
    for members in moves:
        if label not in members:
            continue
        if members[label] is None:
            return False
        for pk, before, after in members[label]:
            if within is not None and pk not in within:
                continue
            if reach[1] is None:
                return False
            added = footprint(reach, before)
            if added == ALL or added != footprint(reach, after):
                return False
    return True
