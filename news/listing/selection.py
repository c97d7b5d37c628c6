"""What a visitor asked the listing for, once `NewsFilter` has validated it: the one input of
both engines (news.listing.engine), so they can only differ in how they answer.
"""

import hashlib
from array import array
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache

from core.content_state import state_key
from news.listing.definition import NEWS, SORTS, Listing
from search.backends import ranked_ids

__all__ = ["SORTS", "RANK_TIEBREAK", "Selection", "effective_sort"]

# The news listing's orders and tie-break, where they were defined before listings had
# definitions (news.listing.definition): callers importing them from here keep working.
RANK_TIEBREAK = NEWS.rank_tiebreak
DEFAULT_SORT = "newest"
# With search words the default is relevance; without them relevance means nothing.
DEFAULT_SEARCH_SORT = "relevance"

# A search matching more is ranked again when asked (a few per state); below it, one stored
# value of at most 400 KB, so distinct searches cannot fill the cache with huge blobs.
MAX_CACHED_RANKED_IDS = 50_000
RANKED_IDS_SECONDS = 600


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
    def ranked_ids(self):
        """Every public item in this language matching the search words, most relevant first
        (newest first at equal relevance), shared through the cache for the current content
        state: one search serves every filter combination and page. Drafts and other
        languages' items are never among them, so what is stored reveals nothing."""
        words = hashlib.sha256(self.search.fts5().encode()).hexdigest()
        key = f"ranked:{self.listing.name}:{state_key()}:{self.language}:{words}"
        blob = cache.get(key)
        ids = array("q")
        if blob is None:
            public = self.listing.public(self.language)
            ids.extend(ranked_ids(public, self.search, self.listing.rank_tiebreak))
            if len(ids) <= MAX_CACHED_RANKED_IDS:
                cache.set(key, ids.tobytes(), RANKED_IDS_SECONDS)
        else:
            ids.frombytes(blob)
        return ids
