"""The facet index's layout (news.listing.index) read afresh from the database.

Rows are read in keyset chunks by primary key, one query each, not through a cursor: the
production settings turn server-side cursors off (for a transaction-mode pooler), and a
client-side cursor held the whole result in the driver (485 MB at 1,000,000 items for an
index of 30 MB, in gunicorn's master, which builds it before forking; 159 MB now).
"""

from array import array

from core import languages
from news.listing import index_delta
from news.listing.positions import Positions

# Rows read from the database per query.
BUILD_CHUNK = 50_000


def _set_bit(bitsets, key, position):
    bitset = bitsets.get(key)
    index = position >> 3
    if bitset is None:
        bitset = bitsets[key] = bytearray(max(index + 1, 1024))
    elif index >= len(bitset):
        bitset.extend(bytes(max(index + 1 - len(bitset), len(bitset))))
    bitset[index] |= 1 << (position & 7)


def _chunks(queryset, *columns):
    """Lists of rows (`columns`, the primary key first) of `queryset`, in primary-key order,
    `BUILD_CHUNK` rows per query (see the module's notes)."""
    queryset = queryset.order_by("pk").values_list("pk", *columns)
    last = None
    while True:
        chunk = list((queryset if last is None else queryset.filter(pk__gt=last))[:BUILD_CHUNK])
        if chunk:
            yield chunk
        if len(chunk) < BUILD_CHUNK:
            return
        last = chunk[-1][0]


def _ordered(listing, published):
    """(ids, start ordinals, end ordinals or None) of the published items in the listing's
    order, newest first, then the higher id: read in primary-key order and sorted here, on
    one integer per item (the start's ordinal above the item's place in the reading)."""
    found, starts, ends = array("q"), array("l"), array("l")
    lasting = listing.period.end != listing.period.start
    for chunk in _chunks(published, *index_delta.period_columns(listing)):
        for pk, start, *end in chunk:
            found.append(pk)
            starts.append(start.toordinal())
            if lasting:
                ends.append(end[0].toordinal())
    order = sorted((start << 32 | row for row, start in enumerate(starts)), reverse=True)
    mask = (1 << 32) - 1
    ids = array("q", (found[key & mask] for key in order))
    ordinals = array("l", (key >> 32 for key in order))
    if lasting:
        ends = array("l", (ends[key & mask] for key in order))
    return ids, ordinals, ends if lasting else None


def layout(listing):
    """(ids, start ordinals, end ordinals or None, bitsets, Positions) of the listing's
    published items: first where each item stands, then what each sets, a chunk of rows at a
    time (`_chunks`), so the process holds the index and one chunk, never every row."""
    published = listing.model.objects.published()
    codes = languages.codes()
    ids, ordinals, ends = _ordered(listing, published)
    positions = Positions(ids)
    raw = {}
    for chunk in _chunks(published, *index_delta.bit_columns(listing, codes)):
        at = positions.each(pk for pk, *_values in chunk)
        for (_pk, *values), position in zip(chunk, at, strict=True):
            if position >= 0:
                for name in index_delta.item_bits(listing, values, codes):
                    _set_bit(raw, name, position)
    for facet, model, item_column, option_column in index_delta.link_tables(listing):
        for chunk in _chunks(model.objects.all(), item_column, option_column):
            at = positions.each(item_id for _pk, item_id, _option_id in chunk)
            for (_pk, _item_id, option_id), position in zip(chunk, at, strict=True):
                if position >= 0:
                    _set_bit(raw, (facet, option_id), position)
    bits = {name: int.from_bytes(bitset, "little") for name, bitset in raw.items()}
    return ids, ordinals, ends, bits, positions
