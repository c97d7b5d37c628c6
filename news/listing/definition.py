"""What makes one listing (the news, the projects): its model and public rows, its facets in
query-string and panel order, the SQL rule of each facet (news.listing.rules), its period
rule, its sort orders and its options. The FilterSet, the SQL engine, the summary, the panel
and the listing view read a definition, so a new content type's listing is a definition and a
FilterSet subclass, not a copy of the machinery.

A definition with `indexed` has a facet index of its own (news.listing.index, the in-memory
bitsets, laid out by the rules), warmed at worker start and brought up to date in place like the
news'; it is set only on a listing whose index engine answers exactly as its SQL engine does
(tests/news/listing/test_facet_index.py compares them on random selections). Every definition
made is in `Listing.defined`, for the warm-up (news.listing.warmup) to find.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

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
    defined: ClassVar[list] = []

    def __post_init__(self):
        Listing.defined.append(self)

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
