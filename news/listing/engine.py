"""The question both engines answer about a `Selection`.

`news.listing.index_engine` answers from the in-memory facet index (microseconds, once an
index is ready for the current content state); `news.listing.sql_engine` answers with SQL
(while no index is ready, or for a queryset the index does not describe). Every facet rule
is written once per engine and nowhere else, and tests/news/listing/test_facet_index.py checks that
the two give the same answers on random selections.
"""

from typing import Protocol


class Engine(Protocol):
    def count(self) -> int:
        """How many items match the selection."""

    def ids(self, start: int, stop: int) -> list[int]:
        """The matching ids `start:stop`, in the selection's order."""

    def counts(self, facet: str) -> dict[str, int]:
        """{option slug: results} of `facet` combined with every other facet's filters (but
        not its own), for the options that have any."""

    def additions(self, facet: str) -> dict[str, int]:
        """{option slug: results that ticking it would add to the current ones}, for the
        options of `facet` with any result outside the current results: when an option of
        the facet is already ticked, its count alone no longer says what ticking another
        one does (facets of the same group are ORed)."""

    def search_state(self) -> str:
        """What a page's parts derived from the search words (its counts) are keyed by beside
        the listing state; noted as what a stored page depends on."""

    def issuer_counts(self) -> dict[int, int]:
        """{structure id: matching items it issued itself}, for those that issued any."""
