"""The newest public items for a listing filter, for blocks outside the listing itself.

Home, field-of-work, country and structure pages and "related news" all ask the listing's
question ("the newest items in Policing", "issued by the Secretariat or its units") with the
listing's `NewsFilter`, so they agree with what the filtered listing shows and share its
speed (news.facet_index) instead of sorting every public row.
"""

from django.http import QueryDict

from .filters import NewsFilter
from .models import NewsItem


def load_rows(ids):
    """The news items with these ids, in this order, ready for cards (a fixed number of
    queries). Only a page's rows are ever loaded: sorting whole rows (bodies, rendition
    metadata) costs seconds at 100,000 items. Cards show no body, so the bodies (one column
    per language, and their plain text) stay in the database."""
    rows = NewsItem.objects.with_listing_relations().defer("body", "body_text").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def listing_filter(**filters):
    """The listing's NewsFilter for `filters` (facet name -> slug or slugs)."""
    params = QueryDict(mutable=True)
    for name, values in filters.items():
        params.setlist(name, [values] if isinstance(values, str) else list(values))
    return NewsFilter(params)


def latest_news(limit, exclude=None, **filters):
    """(items, total) for the listing filtered by `filters` (facet name -> slug or slugs)."""
    results = listing_filter(**filters).results
    ids = [pk for pk in results.ids(0, limit + (exclude is not None)) if pk != exclude]
    return load_rows(ids[:limit]), results.count()
