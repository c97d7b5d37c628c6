"""A listing answered with SQL (see news.listing.engine), for any listing definition
(news.listing.definition): each facet is filtered and counted by its rule
(news.listing.rules), one count query per facet whatever the number of options or items.
"""

from core.content_state import state_key
from search.backends import filter_matching, rank_expression


def facet_filter(queryset, selection, name, slugs):
    """`queryset` narrowed to the items having any of `slugs` in facet `name`; a structure
    includes its units."""
    return selection.listing.rules[name].filter(queryset, selection, name, slugs)


class SqlEngine:
    def __init__(self, selection, queryset=None):
        self.selection = selection
        self.listing = selection.listing
        if queryset is None:
            queryset = self.listing.public(selection.language)
        self.queryset = queryset

    def filtered(self, skip=None):
        """The items matching every filter except the facet `skip`, unordered."""
        selection = self.selection
        queryset = self.queryset.all()
        if selection.search:
            queryset = filter_matching(queryset, selection.search)
        for name, slugs in selection.values.items():
            if name != skip:
                queryset = facet_filter(queryset, selection, name, slugs)
        return self.listing.period.filter(queryset, selection.date_from, selection.date_to)

    def ordered(self):
        queryset = self.filtered()
        if self.selection.sort == "relevance":
            rank = rank_expression(self.listing.model, self.selection.search)
            queryset = queryset.annotate(search_rank=rank)
        return queryset.order_by(*self.listing.sorts[self.selection.sort][1])

    def search_state(self):
        """What the search words' part of the page is keyed by: the content state (it searches
        the rows as they are: a stored page depends on everything)."""
        return state_key()

    def count(self):
        return self.ordered().count()

    def ids(self, start, stop):
        return list(self.ordered().values_list("pk", flat=True)[start:stop])

    def counts(self, facet):
        items = self.filtered(skip=facet).order_by()
        return self.listing.rules[facet].counts(items, self.selection, facet)

    def additions(self, facet):
        # The items the other filters keep that the facet's own ticked options do not.
        outside = self.filtered(skip=facet).exclude(pk__in=self.filtered().values("pk"))
        return self.listing.rules[facet].counts(outside.order_by(), self.selection, facet)

    def issuer_counts(self):
        return self.listing.rules[self.listing.tree_facet].own_counts(self.filtered())
