"""The newest public items for a listing filter, for blocks outside the listing itself.

Home, field-of-work, country and structure pages and "related news" all ask the listing's
question ("the newest items in Policing", "issued by the Secretariat or its units") with the
listing's `NewsFilter`, so they agree with what the filtered listing shows and share its
speed (news.listing.index) instead of sorting every public row.
"""

from django.db.models import Prefetch
from django.http import QueryDict

from core import languages
from news.listing.filterset import NewsFilter
from news.models import NewsItem, NewsItemIssuer


def _in_order(queryset, ids):
    rows = queryset.in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def load_rows(ids):
    """The news items with these ids, in this order, with every relation a listing row shows
    (the feed's categories too), in a fixed number of queries. Only a page's rows are ever
    loaded: sorting whole rows (bodies, rendition metadata) costs seconds at 100,000 items.
    No page shows a body here, so the bodies (a column per language, and their plain text)
    stay in the database."""
    return _in_order(NewsItem.objects.with_listing_relations().defer("body", "body_text"), ids)


# What a card shows (news.cards), every language's column of each: loading the other columns
# cost as much as the query. modeltranslation expands a translated field of the model itself
# to all its columns, not one reached through a relation (the issuer's name).
CARD_FIELDS = ("slug", "issued_on", "type", "title", "teaser", "image_renditions", "image_alt")


def load_cards(ids):
    """The same for cards, which show the lead issuer but no fields of work, countries or
    body: only the columns a card reads, in two queries whatever the number of items."""
    issuers = (
        NewsItemIssuer.objects.select_related("structure")
        .only(
            "news_item",
            "position",
            "structure__slug",
            "structure__name",
            *(f"structure__name_{code}" for code in languages.codes()),
        )
        .order_by("position")
    )
    return _in_order(
        NewsItem.objects.only(*CARD_FIELDS).prefetch_related(Prefetch("issuers", queryset=issuers)),
        ids,
    )


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
    return load_cards(ids[:limit]), results.count()
