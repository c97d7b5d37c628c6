"""The listing answered from the in-memory facet index (news.listing.index; the question is
news.listing.engine's).

A selection is an AND of bitsets: the visitor's language, one OR of options per active facet,
a date range and the search's matches. Bitsets that are costly to make and never change for
one index (a structure together with its units, the matches of a search) are kept with it.
"""

from core.content_changes import label_of


def option_names(selection, name, slugs):
    """The index's bitset names (`(facet, value)`) of the options `slugs` of facet `name`; a
    structure includes its units."""
    if name == "type":
        return [("type", slug) for slug in slugs]
    options = selection.options
    if name == "issued_by":
        return [("structure", pk) for slug in slugs for pk in options.subtree_ids([slug])]
    return [(name, options.ids[name][slug]) for slug in slugs]


def reach_of(selection):
    """What decides whether an item can change a page of this selection (core.listing_reach),
    in the index's own terms; None with search words (their matches follow every edit)."""
    if selection.search or not selection.listing.indexed:
        return None
    period = tuple(
        day.toordinal() if day else None for day in (selection.date_from, selection.date_to)
    )
    groups = tuple(
        (
            "structure" if name == "issued_by" else name,
            tuple(sorted(option_names(selection, name, slugs), key=repr)),
        )
        for name, slugs in sorted(selection.values.items())
    )
    required = ((("language", selection.language),),)
    return (label_of(selection.listing.model), required, groups, period)


class IndexEngine:
    def __init__(self, selection, index):
        self.selection = selection
        self.index = index
        self._mask = None
        self._search = None

    def facet_mask(self, name, slugs):
        """The items having any of `slugs` in facet `name`; a structure includes its units
        (the bitset names are `option_names`, with the structures' ORs kept per index)."""
        index = self.index
        if name == "type":
            return index.any_of("type", slugs)
        if name == "issued_by":
            mask = 0
            for slug in slugs:
                mask |= self._structure_mask(slug)
            return mask
        ids = self.selection.options.ids[name]
        return index.any_of(name, [ids[slug] for slug in slugs])

    def _structure_mask(self, slug):
        index, options = self.index, self.selection.options
        return index.derived(
            ("structure", options.ids["issued_by"][slug]),
            lambda: index.any_of("structure", options.subtree_ids([slug])),
        )

    def _search_mask(self):
        if self._search is None:
            index, selection = self.index, self.selection
            key = ("search", selection.language, selection.search.fts5())
            self._search = index.derived(key, lambda: index.of_ids(selection.ranked_ids))
        return self._search

    def mask(self, skip=None):
        """The items matching every filter except the facet `skip`."""
        if skip is None and self._mask is not None:
            return self._mask
        selection = self.selection
        mask = self.index.option("language", selection.language)
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
        counts = {}
        for pk in self.selection.options.slugs["issued_by"]:
            count = (self.index.option("structure", pk) & mask).bit_count()
            if count:
                counts[pk] = count
        return counts
