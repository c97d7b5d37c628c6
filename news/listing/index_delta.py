"""The facet index (news.listing.index) brought up to date for a few changed items, in place of a
rebuild; and what the index reads of a listing (its definition's rules say: `row_columns`,
`link_tables`), for the build and the delta alike.

A rebuild reads every published item and its tags (3–9 s at 100,000 items). A delta reads
only the changed items' rows (four queries by primary key, about 10 ms), takes each out of the
index and puts the visible ones back at their place in the listing's order. Taking out or
putting in position `p` moves every later bit of every bitset by one: one pass per bitset.
Measured with 128 bitsets: one publish 1–2 ms in memory at 100,000 items, 60–90 ms at
1,000,000 (mostly copying and scanning the id array); past `MAX_ITEMS` changed items a rebuild
is cheaper.

Rows are read from the primary: a replica may not have the change yet, and the delta is
applied once per process.
"""

import bisect

from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone

from core import languages
from news.listing.positions import find_positions

# Beyond this many changed items a rebuild is the cheaper way.
MAX_ITEMS = 500
# The bitsets of the languages an item is published in: a facet no visitor picks, every
# listing starts from its own language's bitset (named so that no facet can take the name).
LANGUAGE = "@language"


def link_tables(listing):
    """(facet, link model, item column, option column) of the facets kept in link tables."""
    return [
        (name, *rule.index_links)
        for name, rule in listing.rules.items()
        if getattr(rule, "index_links", None)
    ]


def column_facets(listing):
    """(facet, column) of the facets kept in a column of the item's own row."""
    return [
        (name, rule.index_column)
        for name, rule in listing.rules.items()
        if getattr(rule, "index_column", None)
    ]


def period_columns(listing):
    """The period's start (the listing's order) and, for items that last, its end."""
    period = listing.period
    return (period.start, period.end) if period.end != period.start else (period.start,)


def bit_columns(listing, codes):
    """The columns of an item's own row that set its bits: its column facets and the
    languages it is published in."""
    columns = [column for _name, column in column_facets(listing)]
    return (*columns, *(f"in_language_{code}" for code in codes))


def row_columns(listing, codes):
    """What the index reads of an item's own row: its id, its period and its bit columns."""
    return ("id", *period_columns(listing), *bit_columns(listing, codes))


def read_rows(listing, queryset, codes):
    """(id, start, end, the rest) of each row of `queryset` (`row_columns`); the end is the
    start for a listing of single days."""
    rows = queryset.values_list(*row_columns(listing, codes))
    if listing.period.end != listing.period.start:
        return rows
    return ((pk, start, start, *rest) for pk, start, *rest in rows)


def item_bits(listing, values, codes):
    """The bitset names an item's column facets and languages (`values`: the row after id,
    start and end) set."""
    facets = column_facets(listing)
    names = [(name, value) for (name, _column), value in zip(facets, values, strict=False)]
    in_language = values[len(facets) :]
    names += [(LANGUAGE, code) for code, yes in zip(codes, in_language, strict=True) if yes]
    return names


def changed_rows(listing, pks):
    """{pk: (start ordinal, end ordinal, [bitset names])} of the items among `pks` that are
    published."""
    codes = languages.codes()
    published = listing.model.objects.using(DEFAULT_DB_ALIAS).published().filter(pk__in=pks)
    rows = {
        pk: (start.toordinal(), end.toordinal(), item_bits(listing, rest, codes))
        for pk, start, end, *rest in read_rows(listing, published, codes)
    }
    _add_links(listing, rows, DEFAULT_DB_ALIAS)
    return rows


def _add_links(listing, rows, using):
    """Each row's (last element) bitset names of the facets kept in link tables."""
    for facet, model, item_column, option_column in link_tables(listing):
        links = model.objects.using(using).filter(**{f"{item_column}__in": list(rows)})
        for item_id, option_id in links.values_list(item_column, option_column):
            rows[item_id][-1].append((facet, option_id))


def memberships(listing, pks, using=DEFAULT_DB_ALIAS, rows=None):
    """{pk: (start ordinal, sorted bitset names[, end ordinal]) or None when not listed}: where
    the items are in the facet index as the database has them now (core.content_changes keeps
    them, before and after a change, for the listing pages: core.listing_reach); the end only
    for items that last (projects). `rows` ({pk: stored row with the publishing and listing
    fields}) stand for the items' own rows where given (a row as it was before a save); their
    links are read."""
    codes = languages.codes()
    model = listing.model
    period = listing.period
    rows = dict(rows or {})
    missing = [pk for pk in pks if pk not in rows]
    if missing:
        fields = (*model.publishing_fields, *model.listing_fields)
        stored = model._base_manager.using(using).filter(pk__in=missing)
        rows |= {row["pk"]: row for row in stored.values("pk", *fields)}
    now = timezone.now()
    columns = [column for _name, column in column_facets(listing)]
    shown = {pk: row for pk, row in rows.items() if row is not None and model.visible(row, now)}
    related = _through_relations(model, columns, shown.values(), using)
    listed, ends = {}, {}
    for pk in pks:
        row = shown.get(pk)
        if row is None:
            continue
        values = [_value(row, column, related) for column in columns]
        values += [row[f"in_language_{code}"] for code in codes]
        listed[pk] = (row[period.start].toordinal(), item_bits(listing, values, codes))
        if period.end != period.start:
            ends[pk] = (row[period.end].toordinal(),)
    if listed:
        _add_links(listing, listed, using)
    found = {
        pk: (ordinal, tuple(sorted(names)), *ends.get(pk, ()))
        for pk, (ordinal, names) in listed.items()
    }
    return {pk: found.get(pk) for pk in pks}


def _through_relations(model, columns, rows, using):
    """{column: {id: value}} of the column facets read through a relation (a document's
    `document_type__slug`: a stored row holds the relation's id), for `rows`."""
    found = {}
    for column in columns:
        first, _sep, rest = column.partition("__")
        if not rest:
            continue
        ids = {row[first] for row in rows if row.get(first) is not None}
        records = model._meta.get_field(first).related_model._base_manager.using(using)
        found[column] = dict(records.filter(pk__in=ids).values_list("pk", rest))
    return found


def _value(row, column, related):
    if column in related:
        return related[column].get(row[column.partition("__")[0]])
    return row[column]


def _remove(bitsets, position):
    """Every bitset with bit `position` taken out and the bits above it moved down one."""
    low, high = (1 << position) - 1, -(1 << position)  # the bits below / from `position`
    for name, bitset in bitsets.items():
        bitsets[name] = (bitset & low) | ((bitset >> 1) & high)


def _insert(bitsets, position):
    """Every bitset with a clear bit put in at `position`: the bits from it moved up one
    (adding the high part to itself doubles it, one pass instead of two shifts)."""
    high = -(1 << position)
    for name, bitset in bitsets.items():
        bitsets[name] = bitset + (bitset & high)


def _place(ids, ordinals, pk, ordinal):
    """Where an item goes in the listing's order: newest first, then the higher id first."""
    negated = Negated(ordinals)
    start = bisect.bisect_left(negated, -ordinal)
    stop = bisect.bisect_right(negated, -ordinal)
    position = start
    while position < stop and ids[position] > pk:
        position += 1
    return position


class Negated:
    """A read-only view of a descending array as its ascending negation, for bisect."""

    def __init__(self, values):
        self.values = values

    def __len__(self):
        return len(self.values)

    def __getitem__(self, index):
        return -self.values[index]


def _unmoved(ids, ordinals, ends, pks, rows):
    """{pk: position} when every item of `pks` is listed and stays listed with the same period
    (so at the same position: the order is the period's start, then the id), else None."""
    if set(rows) != set(pks):
        return None
    places = find_positions(ids, pks)
    if len(places) != len(pks):
        return None
    for pk, position in places.items():
        ordinal, end, _names = rows[pk]
        if ordinals[position] != ordinal or (ends is not None and ends[position] != end):
            return None
    return places


def _retagged(bits, places, rows):
    """`bits` with the items at `places` holding their bitset names in `rows` instead."""
    bits = dict(bits)
    for pk, position in places.items():
        bit = 1 << position
        names = set(rows[pk][2])
        for name, bitset in bits.items():
            if name not in names and bitset & bit:
                bits[name] = bitset ^ bit
        for name in names:
            bits[name] = bits.get(name, 0) | bit
    return {name: bitset for name, bitset in bits.items() if bitset}


def apply(ids, ordinals, ends, bits, pks, rows):
    """New (ids, ordinals, ends, bits) with the items `pks` taken out and those of them in
    `rows` (`changed_rows`) put back; the arguments are left as they were (other threads may
    be reading them). `ends` is None for a listing of single days.

    Items that stay listed with the same period stay where they are: only their bits change,
    and the same `ids` comes back (an edit of tags or text; at 1,000,000 items taking the item
    out and putting it back shifted every bitset twice, 15–25 ms in every process)."""
    places = _unmoved(ids, ordinals, ends, pks, rows)
    if places is not None:
        return ids, ordinals, ends, _retagged(bits, places, rows)
    old = sorted(find_positions(ids, set(pks)).values(), reverse=True)
    ids, ordinals, bits = ids[:], ordinals[:], dict(bits)
    ends = None if ends is None else ends[:]
    for position in old:
        del ids[position]
        del ordinals[position]
        if ends is not None:
            del ends[position]
        _remove(bits, position)
    for pk, (ordinal, end, names) in sorted(rows.items(), key=lambda row: (-row[1][0], -row[0])):
        position = _place(ids, ordinals, pk, ordinal)
        ids.insert(position, pk)
        ordinals.insert(position, ordinal)
        if ends is not None:
            ends.insert(position, end)
        _insert(bits, position)
        for name in names:
            bits[name] = bits.get(name, 0) | (1 << position)
    return ids, ordinals, ends, {name: bitset for name, bitset in bits.items() if bitset}
