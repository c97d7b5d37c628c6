"""The listing answered from the in-memory facet index (news.listing.index; the question is
news.listing.engine's).

A selection is an AND of bitsets: the visitor's language, one OR of options per active facet,
a date range and the search's matches. Bitsets that are costly to make and never change for
one index (a structure together with its units, the matches of a search) are kept with it.
How each facet's options read as bitsets is its rule's (`index_mask`, news.listing.rules), so
the engine serves every indexed listing (news, projects, documents).
"""

from core import content_changes
from core.content_changes import label_of
from news.listing.index_delta import LANGUAGE


def reach_of(selection):
    """What decides whether an item can change a page of this selection (core.listing_reach),
    in the index's own bitset names (each rule's `index_names`); None for a listing whose moves
    keep no members; without the filters for one whose active facets cannot name their options
    (only other listings' moves keep its pages). With search words only
    the items among the search's matches can reach the page (news.listing.matches: the page
    cache passes them to core.listing_reach)."""
    listing = selection.listing
    label = label_of(listing.model)
    if not listing.indexed or label not in content_changes.MEMBERSHIPS:
        return None
    rules = listing.rules
    if not all(hasattr(rules[name], "index_names") for name in selection.values):
        # Filters the index cannot name (a project's status): any move of this listing's
        # items renders the page again, a move of another listing's keeps it.
        return (label, None, (), (None, None))
    period = tuple(
        day.toordinal() if day else None for day in (selection.date_from, selection.date_to)
    )
    groups = tuple(
        (name, tuple(sorted(rules[name].index_names(selection, name, slugs), key=repr)))
        for name, slugs in sorted(selection.values.items())
    )
    required = (((LANGUAGE, selection.language),),)
    return (label, required, groups, period)


class IndexEngine:
    def __init__(self, selection, index):
        self.selection = selection
        self.index = index
        self._mask = None
        self._search = None

    def facet_mask(self, name, slugs):
        """The items having any of `slugs` in facet `name`; a structure includes its units."""
        index, selection = self.index, self.selection
        rule = selection.listing.rules[name]
        mask = 0
        for slug in slugs:
            mask |= rule.index_mask(index, selection, name, slug)
        return mask

    def _search_mask(self):
        if self._search is None:
            index, selection = self.index, self.selection
            # Per token: an edit that changes the matches changes neither the index nor its
            # listing version.
            matches = selection.matches
            key = ("search", selection.language, selection.search.fts5(), matches.token)
            self._search = index.derived(key, lambda: index.of_ids(matches.ids))
        return self._search

    def search_state(self):
        """What the search words' part of the page is keyed by: its matches' token."""
        return self.selection.matches.token

    def mask(self, skip=None):
        """The items matching every filter except the facet `skip`."""
        if skip is None and self._mask is not None:
            return self._mask
        selection = self.selection
        mask = self.index.option(LANGUAGE, selection.language)
        for name, slugs in selection.values.items():
            if name != skip:
                mask &= self.facet_mask(name, slugs)
        if selection.date_from or selection.date_to:
            mask &= self.index.date_range(selection.date_from, selection.date_to)
        if selection.search:
            mask &= self._search_mask()
        if skip is None:
            self._mask = mask
        return mask

    def count(self):
        return self.mask().bit_count()

    def ids(self, start, stop):
        sort = self.selection.sort
        if sort == "relevance":
            return self.index.first_in(self.mask(), self.selection.ranked_ids, start, stop)
        return self.index.page(self.mask(), start, stop - start, reverse=sort == "oldest")

    def counts(self, facet):
        return self._counts_within(facet, self.mask(skip=facet))

    def additions(self, facet):
        # The items the other filters keep that the facet's own ticked options do not.
        return self._counts_within(facet, self.mask(skip=facet) & ~self.mask())

    def _counts_within(self, facet, mask):
        counts = {}
        for option in self.selection.options.options[facet]:
            count = (self.facet_mask(facet, [option.value]) & mask).bit_count()
            if count:
                counts[option.value] = count
        return counts

    def issuer_counts(self):
        mask = self.mask()
        tree = self.selection.listing.tree_facet
        counts = {}
        for pk in self.selection.options.slugs[tree]:
            count = (self.index.option(tree, pk) & mask).bit_count()
            if count:
                counts[pk] = count
        return counts
