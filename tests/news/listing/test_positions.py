"""Where each item of a facet index stands (news.listing.positions): the same answers as the
dict it replaces, for ids dense enough for a table and for ids too sparse for one."""

import random
from array import array

import pytest

from news.listing.positions import Positions


@pytest.mark.parametrize(
    ("ids", "table"),
    [
        (random.Random(1).sample(range(1, 3000), 2000), True),
        (random.Random(2).sample(range(1, 10**9), 500), False),
        ([], True),
    ],
)
def test_positions_answer_as_a_dict_would(ids, table):
    positions = Positions(array("q", ids))
    expected = {pk: position for position, pk in enumerate(ids)}
    probes = [*ids, 0, -1, 10**10, *random.Random(3).sample(range(1, 10**9), 200)]

    assert list(positions.each(probes)) == [expected.get(pk, -1) for pk in probes]
    assert (positions.table is not None) is table
