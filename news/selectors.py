"""The newest public items for a listing filter, for blocks outside the listing itself.

Home, field-of-work, country and structure pages and "related news" all ask the listing's
question ("the newest items in Policing", "issued by the Secretariat or its units") with the
listing's `NewsFilter`, so they agree with what the filtered listing shows and share its
speed (news.listing.index) instead of sorting every public row.
"""

from typing import NamedTuple

from django.db.models import Prefetch
from django.http import QueryDict

from core import content_changes, languages
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
            "structure__running_name",
            *(f"structure__running_name_{code}" for code in languages.codes()),
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
    ids = [pk for pk in results.ids(0, limit + (exclude is not None)) if pk != exclude][:limit]
    read_versions(ids)
    return load_cards(ids), results.count()


def read_versions(ids):
    """The items' versions, read before their rows: a stored page showing them depends on
    them (core.page_dependencies)."""
    content_changes.read_versions(NewsItem, ids)


def latest_ids(limit, **filters):
    """The ids of the newest `limit` items of the listing filtered by `filters`."""
    return list(listing_filter(**filters).results.ids(0, limit))


def featured_ids(now, limit=1):
    """Items a publisher set to lead the home page (`featured_until` ahead), newest first,
    among those public in the active language."""
    featured = (
        NewsItem.objects.published(now)
        .in_language()
        .filter(featured_until__gt=now)
        .order_by("-issued_on", "-id")
    )
    return list(featured.values_list("pk", flat=True)[:limit])


class HomeNews(NamedTuple):
    lead: NewsItem | None
    stories: list
    by_type: dict


def home_news(now, stories, types, per_type, pool=12):
    """The home page's news as cards: the lead story (the newest featured item, else the
    newest item with a picture among the latest `pool`, else the newest), `stories` more after
    it, and the latest `per_type` of each of `types`. Their ids come from the listing's
    engine; the cards of all of them load in one `load_cards` (two queries)."""
    featured = featured_ids(now)
    latest = latest_ids(pool)
    by_type = {kind: latest_ids(per_type, type=kind) for kind in types}
    wanted = dict.fromkeys([*featured, *latest, *(pk for ids in by_type.values() for pk in ids)])
    read_versions(list(wanted))
    cards = {item.pk: item for item in load_cards(list(wanted))}
    newest = [cards[pk] for pk in latest if pk in cards]
    lead = (cards.get(featured[0]) if featured else None) or next(
        (item for item in newest if (item.image_renditions or {}).get("slots")), None
    )
    lead = lead or (newest[0] if newest else None)
    return HomeNews(
        lead=lead,
        stories=[item for item in newest if item is not lead][:stories],
        by_type={kind: [cards[pk] for pk in ids if pk in cards] for kind, ids in by_type.items()},
    )
