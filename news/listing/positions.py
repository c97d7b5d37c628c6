"""Where each item of a facet index stands (news.listing.index), held compactly."""

import bisect
from array import array


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
