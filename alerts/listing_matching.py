"""New items matched against the distinct filters of a listing built on `news.listing`
(the projects; any later listing with a `ListingFilter`), by the listing's own FilterSet and
engine, so an alert selects exactly what its listing URL shows.

A filter is an AND over its keys of an OR over each key's values (news.listing.filterset), so
an item matches a filter when, for every key of the filter, it matches at least one of that
key's values alone. Each distinct (key, value) — each distinct period and set of search words —
is asked of the listing once, as its own one-term query over the new items only; the filters
are then answered from those sets in Python. The queries are as many as the distinct terms
across the filters (bounded by the taxonomy), not as many as the filters.
"""

from django.http import QueryDict
from django.utils import translation


def _term_queries(params, period_fields):
    """The filter's terms: one single-term query per value of each facet, one for the period
    (its two ends belong together), one for the search words."""
    terms = {}
    period = tuple((name, params[name]) for name in period_fields if name in params)
    for key in params:
        if key in period_fields:
            continue
        terms[key] = [((key, value),) for value in params.getlist(key)]
    if period:
        terms["period"] = [period]
    return terms


def listing_matches(filterset_class, language, item_ids, filters):
    """{filter id: [item ids]} for the published `item_ids` (all visible in `language`) and
    `filters` (AlertFilters of that listing and language)."""
    with translation.override(language):
        return _matches(filterset_class, language, item_ids, filters)


def _matches(filterset_class, language, item_ids, filters):
    definition = filterset_class.listing
    new_items = definition.public(language).filter(pk__in=list(item_ids))
    found = {}  # a term (tuple of (key, value)) -> the new items it selects

    def selected(term):
        if term not in found:
            query = QueryDict(mutable=True)
            for key, value in term:
                query[key] = value
            results = filterset_class(query, queryset=new_items).results
            found[term] = set(results.ids(0, len(item_ids)))
        return found[term]

    matches = {}
    everything = set(new_items.values_list("pk", flat=True))
    for alert_filter in filters:
        terms = _term_queries(QueryDict(alert_filter.query), filterset_class.period_fields)
        items = set(everything)
        for alternatives in terms.values():
            items &= set().union(*(selected(term) for term in alternatives))
            if not items:
                break
        if items:
            matches[alert_filter.pk] = sorted(items)
    return matches
