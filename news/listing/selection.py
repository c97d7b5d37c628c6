"""What a visitor asked the listing for, once `NewsFilter` has validated it: the one input of
both engines (news.listing.engine), so they can only differ in how they answer.
"""

from dataclasses import dataclass, field
from functools import cached_property

from news.listing.definition import NEWS, SORTS, Listing
from news.listing.matches import matches

__all__ = ["SORTS", "RANK_TIEBREAK", "Selection", "effective_sort"]

# The news listing's orders and tie-break, where they were defined before listings had
# definitions (news.listing.definition): callers importing them from here keep working.
RANK_TIEBREAK = NEWS.rank_tiebreak
DEFAULT_SORT = "newest"
# With search words the default is relevance; without them relevance means nothing.
DEFAULT_SEARCH_SORT = "relevance"


def effective_sort(requested, search):
    default = DEFAULT_SEARCH_SORT if search else DEFAULT_SORT
    if not requested or (requested == "relevance" and not search):
        return default
    return requested


@dataclass
class Selection:
    language: str
    options: object  # news.listing.options.FacetOptions for this language
    values: dict = field(default_factory=dict)  # active facet name -> known slugs
    date_from: object = None
    date_to: object = None
    search: object = None  # search.query's parsed words; falsy when there are none
    sort: str = DEFAULT_SORT  # effective: never relevance without search words
    listing: Listing = NEWS  # which listing (news.listing.definition)

    @cached_property
    def matches(self):
        """Every public item in this language matching the search words, most relevant first
        (newest first at equal relevance), exact for the current content
        (news.listing.matches): one search serves every filter combination and page. Drafts
        and other languages' items are never among them, so what is stored reveals nothing."""
        return matches(self.listing, self.search)

    @property
    def ranked_ids(self):
        return self.matches.ids
