"""What makes one listing (the news, the projects): its model and public rows, its facets in
query-string and panel order, the SQL rule of each facet (news.listing.rules), its period
rule, its sort orders and its options. The FilterSet, the SQL engine, the summary, the panel
and the listing view read a definition, so a new content type's listing is a definition and a
FilterSet subclass, not a copy of the machinery.

The facet index (news.listing.index, the in-memory bitsets) describes the news listing only
(`indexed`): other listings are answered by the SQL engine.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from news.listing import facets as news_facets
from news.listing.options import facet_options
from news.listing.rules import ColumnRule, SpanPeriod, TagRule, TreeRule
from news.models import NewsItem, NewsItemIssuer

# key -> (label, SQL ordering); the index engine pages in the same orders.
SORTS = {
    "relevance": (_("Most relevant"), ("-search_rank", "-issued_on", "-id")),
    "newest": (_("Newest first"), ("-issued_on", "-id")),
    "oldest": (_("Oldest first"), ("issued_on", "id")),
}


@dataclass(frozen=True)
class Listing:
    name: str  # names its cached options and searches
    model: type
    facets: tuple  # FacetSpec, in query string order
    panel_order: tuple  # FacetSpec, in the filter panel's order
    rules: dict  # facet name -> a rule of news.listing.rules
    period: object  # news.listing.rules.SpanPeriod
    sorts: dict  # the keys of SORTS, with this listing's orderings
    rank_tiebreak: str  # SQL order among equally relevant results
    options: Callable  # (database, language) -> FacetOptions, cached per base state
    tree_facet: str = ""  # the facet whose options are the structure tree
    indexed: bool = False  # whether the facet index describes it

    @property
    def facet_names(self):
        return tuple(spec.name for spec in self.facets)

    def public(self, language):
        """Every row visitors reading `language` may see in this listing."""
        return self.model.objects.published().in_language(language)


NEWS = Listing(
    name="news",
    model=NewsItem,
    facets=news_facets.FACETS,
    panel_order=news_facets.PANEL_ORDER,
    rules={
        "field_of_work": TagRule(NewsItem.fields_of_work.through, "newsitem_id", "fieldofwork_id"),
        "country": TagRule(NewsItem.countries.through, "newsitem_id", "country_id"),
        "issued_by": TreeRule(NewsItemIssuer, "news_item_id"),
        "type": ColumnRule("type"),
    },
    period=SpanPeriod("issued_on"),
    sorts=SORTS,
    rank_tiebreak="issued_on DESC, id DESC",
    options=facet_options,
    tree_facet="issued_by",
    indexed=True,
)
