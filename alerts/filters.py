"""A listing's filter as an alert holds it: normalised exactly as the listing normalises its
query string, described with the listing's own summary sentence, and matched against new
items.

News: `NewsFilter` (news.listing.filterset) validates and normalises; its `query` minus the
sort order is the alert's filter, so a listing URL and its alert always name the same items.
Meetings: `?type=<series>` (news.views.meetings), sorted known slugs.

Matching (`match_items`) takes the new items and every distinct filter of their language and
answers {filter id: [item ids]}: facets and dates in Python from each item's facet values
(a structure includes its units, as in `news.listing.sql_engine.facet_filter`), search words
with one SQL query per distinct set of words over the new items only. Measured at 2,000
filters (bench/alerts.py) it is milliseconds; a query per filter was seconds. An oracle test
compares it with the listing's SQL engine (tests/alerts/test_filters.py).
"""

from dataclasses import dataclass, field

from django.db import router
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import languages
from documents.listing import DocumentFilter
from news.listing.facets import FACET_NAMES
from news.listing.filterset import NewsFilter
from news.listing.options import facet_options
from news.listing.summary import summary_parts
from news.models import Meeting, MeetingType, NewsItem, NewsItemIssuer
from projects.listing import ProjectFilter
from search.backends import filter_matching
from search.query import parse_query

from .listing_matching import listing_matches
from .models import Listing

NEWS_KEYS = ("q", *FACET_NAMES, "date_from", "date_to")


# Listings built on news.listing: the alert's filter is the FilterSet's normalised query,
# described by its own summary sentence. A new listing is a line here and one in `WORDS`.
FILTERSETS = {
    Listing.NEWS: NewsFilter,
    Listing.PROJECTS: ProjectFilter,
    Listing.DOCUMENTS: DocumentFilter,
}
# (the sentence's first word, the words for no filter at all)
WORDS = {
    Listing.NEWS: (_("News"), _("All news")),
    Listing.PROJECTS: (_("Projects"), _("All projects")),
    Listing.DOCUMENTS: (_("Publications"), _("All publications")),
}


def normalise(listing, data, language):
    """The listing's normalised query (a string) for the raw query `data` (a QueryDict), read
    in `language`: unknown values dropped, keys in the listing's order, no sort, no page."""
    with translation.override(language):
        if listing in FILTERSETS:
            query = FILTERSETS[listing](data).query
            query.pop("sort", None)
            return query.urlencode()
        known = set(MeetingType.objects.values_list("slug", flat=True))
        slugs = sorted({slug for slug in data.getlist("type")[:50] if slug in known})
        query = QueryDict(mutable=True)
        if slugs:
            query.setlist("type", slugs)
        return query.urlencode()


def describe(listing, language, query):
    """The filter in words, in `language`: "News in Policing, from Serbia"."""
    with translation.override(language):
        params = QueryDict(query)
        if listing == Listing.MEETINGS:
            names = dict(MeetingType.objects.values_list("slug", "name"))
            series = [names[slug] for slug in params.getlist("type") if slug in names]
            if not series:
                return gettext("All meetings and conferences")
            return gettext("Meetings and conferences of the series %(series)s") % {
                "series": f" {gettext('or')} ".join(series)
            }
        filterset = FILTERSETS[listing]
        definition = filterset.listing
        taxonomy = definition.options(router.db_for_read(definition.model), language)
        # A term removed from the taxonomy since the alert was made is left out of the words
        # (it can match nothing any more).
        params = params.copy()
        for name in definition.facet_names:
            if name in params:
                known = [value for value in params.getlist(name) if value in taxonomy.known[name]]
                params.setlist(name, known)
                if not known:
                    del params[name]
        first_word, everything = WORDS[listing]
        if not params:
            return str(everything)
        sentence = str(first_word)
        parts = summary_parts(params, taxonomy.options, definition.facets, filterset.period_parts)
        for index, part in enumerate(parts):
            joiner = f" {part.joiner} "
            terms = joiner.join(str(term.label) for term in part.terms)
            sentence += ("," if index else "") + f" {part.prefix} {terms}"
        return sentence


# Matching ---------------------------------------------------------------------------------


@dataclass
class NewsFacts:
    """What decides whether a news item matches a filter."""

    pk: int
    issued_on: object
    type: str
    values: dict = field(default_factory=dict)  # facet -> set of slugs
    issuers: set = field(default_factory=set)  # structure ids


def item_languages(listing, item):
    if listing in FILTERSETS:
        return languages.item_languages(item)
    return languages.title_languages(item)


def _news_facts(ids):
    items = NewsItem.objects.filter(pk__in=ids).prefetch_related("fields_of_work", "countries")
    facts = {}
    for item in items:
        facts[item.pk] = NewsFacts(
            item.pk,
            item.issued_on,
            item.type,
            {
                "field_of_work": {tag.slug for tag in item.fields_of_work.all()},
                "country": {tag.slug for tag in item.countries.all()},
                "type": {item.type},
            },
        )
    for item_id, structure_id in NewsItemIssuer.objects.filter(news_item_id__in=ids).values_list(
        "news_item_id", "structure_id"
    ):
        facts[item_id].issuers.add(structure_id)
    return facts


def _news_matches(filters, facts, language):
    options = facet_options(router.db_for_read(NewsItem), language)
    searches = {}  # search words -> matching ids among the new items
    matches = {}
    for alert_filter in filters:
        params = QueryDict(alert_filter.query)
        subtree = None
        if "issued_by" in params:
            subtree = options.subtree_ids(params.getlist("issued_by"))
        found = []
        for item in facts.values():
            if not _news_item_matches(params, item, subtree):
                continue
            found.append(item.pk)
        if found and "q" in params:
            words = params["q"]
            if words not in searches:
                query = parse_query(words, language)
                public = NewsItem.objects.filter(pk__in=list(facts))
                searches[words] = (
                    set(filter_matching(public, query).values_list("pk", flat=True))
                    if query
                    else set(facts)
                )
            found = [pk for pk in found if pk in searches[words]]
        if found:
            matches[alert_filter.pk] = found
    return matches


def _news_item_matches(params, item, subtree):
    for name in ("field_of_work", "country", "type"):
        wanted = params.getlist(name)
        if wanted and not item.values[name].intersection(wanted):
            return False
    if subtree is not None and not item.issuers.intersection(subtree):
        return False
    if "date_from" in params and item.issued_on.isoformat() < params["date_from"]:
        return False
    return not ("date_to" in params and item.issued_on.isoformat() > params["date_to"])


def match_items(listing, language, item_ids, filters):
    """{filter id: [item ids]} for the published `item_ids` (all in `language`) and
    `filters` (AlertFilters of that listing and language)."""
    if not item_ids or not filters:
        return {}
    if listing == Listing.NEWS:
        return _news_matches(filters, _news_facts(item_ids), language)
    if listing in FILTERSETS:
        return listing_matches(FILTERSETS[listing], language, item_ids, filters)
    series = dict(Meeting.objects.filter(pk__in=item_ids).values_list("pk", "meeting_type__slug"))
    matches = {}
    for alert_filter in filters:
        wanted = set(QueryDict(alert_filter.query).getlist("type"))
        found = [pk for pk, slug in series.items() if not wanted or slug in wanted]
        if found:
            matches[alert_filter.pk] = found
    return matches
