"""Where each item of a facet index stands (news.listing.index), held compactly."""

import bisect
import sys
from array import array

_BYTE_ORDER = sys.byteorder


class Positions:
    """Item id -> bit position, for searches (their ranked ids are matched against the index).

    A dict of 100,000 ids held about 9 MB in every worker that served a search, for each
    listing (news and documents: most of what a worker grew by under the benchmark's mixes).
    Here an array indexed by id (4 bytes per id between the smallest and the largest, -1 for
    an id not listed) answers as fast; ids too sparse for that (more than `SPARSE` times as
    many possible ids as items) are looked up by bisection in two arrays sorted by id."""

    SPARSE = 4

    def __init__(self, ids):
        self.low = min(ids, default=0)
        span = max(ids, default=-1) - self.low + 1
        self.table = None
        if span <= self.SPARSE * len(ids) + 1024:
            self.table = array("i", [-1]) * span
            for position, pk in enumerate(ids):
                self.table[pk - self.low] = position
        else:
            order = sorted(range(len(ids)), key=ids.__getitem__)
            self.sorted_ids = array("q", (ids[position] for position in order))
            self.sorted_positions = array("i", order)

    def each(self, pks):
        """The position of each of `pks` in turn, -1 for an id not listed."""
        if self.table is not None:
            table, low, size = self.table, self.low, len(self.table)
            for pk in pks:
                offset = pk - low
                yield table[offset] if 0 <= offset < size else -1
            return
        ids, positions, size = self.sorted_ids, self.sorted_positions, len(self.sorted_ids)
        for pk in pks:
            found = bisect.bisect_left(ids, pk)
            yield positions[found] if found < size and ids[found] == pk else -1


def find_positions(ids, pks):
    """{pk: its position in the array `ids`} for those of `pks` in it, found in the array's
    bytes (`bytes.find` runs at memory speed: a millisecond for 1,000,000 ids, where
    `array.index` boxes every element and took 25 ms at 100,000)."""
    data = ids.tobytes()
    width = ids.itemsize
    found = {}
    for pk in pks:
        needle = pk.to_bytes(width, _BYTE_ORDER, signed=True)
        offset = data.find(needle)
        while offset >= 0 and offset % width:
            offset = data.find(needle, offset + 1)
        if offset >= 0:
            found[pk] = offset // width
    return found
