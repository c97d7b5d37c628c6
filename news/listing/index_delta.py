"""The facet index (news.listing.index) brought up to date for a few changed items, in place of a
rebuild.

A rebuild reads every published item and its tags (seconds at 100,000 items; scripts/ in the
report of issue 15). A delta reads only the changed items' rows (four queries by primary
key), takes each out of the index and puts the visible ones back at their place in the
listing's order. Taking out or putting in position `p` shifts every later bit of every
bitset by one: two big-int operations per bitset, a few microseconds each at 100,000 items.
Measured at 100,000 items and about 300 bitsets: one publish brought up to date in a few
milliseconds (see `apply`), where a rebuild took seconds; past `MAX_ITEMS` changed items a
rebuild is cheaper.

Rows are read from the primary: a replica may not have the change yet, and the delta is
applied once per process.
"""

import bisect
import sys

from django.db import DEFAULT_DB_ALIAS

from core import languages
from news.models import NewsItem, NewsItemIssuer

_LITTLE = sys.byteorder == "little"
# Beyond this many changed items a rebuild is the cheaper way.
MAX_ITEMS = 500
LINKS = (
    ("field_of_work", NewsItem.fields_of_work.through, "newsitem_id", "fieldofwork_id"),
    ("country", NewsItem.countries.through, "newsitem_id", "country_id"),
    ("structure", NewsItemIssuer, "news_item_id", "structure_id"),
)


def item_bits(row, codes):
    """The bitset names an item's (type, *in_language) values set."""
    news_type, *in_language = row
    names = [("type", news_type)]
    # The languages an item is published in are a facet no visitor picks: every listing
    # starts from its own language's bitset.
    names += [("language", code) for code, yes in zip(codes, in_language, strict=True) if yes]
    return names


def changed_rows(pks):
    """{pk: (date ordinal, [bitset names])} of the items among `pks` that are published."""
    codes = languages.codes()
    published = NewsItem.objects.using(DEFAULT_DB_ALIAS).published().filter(pk__in=pks)
    rows = {
        pk: (issued_on.toordinal(), item_bits(rest, codes))
        for pk, issued_on, *rest in published.values_list(
            "id", "issued_on", "type", *(f"in_language_{code}" for code in codes)
        )
    }
    for facet, model, item_column, option_column in LINKS:
        links = model.objects.using(DEFAULT_DB_ALIAS).filter(**{f"{item_column}__in": list(rows)})
        for item_id, option_id in links.values_list(item_column, option_column):
            rows[item_id][1].append((facet, option_id))
    return rows


def _remove(bitset, position):
    low = bitset & ((1 << position) - 1)
    return low | ((bitset >> (position + 1)) << position)


def _insert(bitset, position):
    low = bitset & ((1 << position) - 1)
    return low | ((bitset >> position) << (position + 1))


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


def _positions(ids, pks):
    """The positions of `pks` in `ids`, found in the array's bytes (`bytes.find` runs at memory
    speed: a millisecond for 1,000,000 ids, where `array.index` boxes every element and took
    25 ms at 100,000)."""
    data = ids.tobytes()
    width = ids.itemsize
    found = []
    for pk in pks:
        needle = pk.to_bytes(width, "little" if _LITTLE else "big", signed=True)
        offset = data.find(needle)
        while offset >= 0 and offset % width:
            offset = data.find(needle, offset + 1)
        if offset >= 0:
            found.append(offset // width)
    return found


def apply(ids, ordinals, bits, pks, rows):
    """New (ids, ordinals, bits) with the items `pks` taken out and those of them in `rows`
    (`changed_rows`) put back; the arguments are left as they were (other threads may be
    reading them)."""
    old = sorted(_positions(ids, set(pks)), reverse=True)
    ids, ordinals, bits = ids[:], ordinals[:], dict(bits)
    for position in old:
        del ids[position]
        del ordinals[position]
        for name, bitset in bits.items():
            bits[name] = _remove(bitset, position)
    for pk, (ordinal, names) in sorted(rows.items(), key=lambda row: (-row[1][0], -row[0])):
        position = _place(ids, ordinals, pk, ordinal)
        ids.insert(position, pk)
        ordinals.insert(position, ordinal)
        for name, bitset in bits.items():
            bits[name] = _insert(bitset, position)
        for name in names:
            bits[name] = bits.get(name, 0) | (1 << position)
    return ids, ordinals, {name: bitset for name, bitset in bits.items() if bitset}
