"""The active filters in words: the sentence above the results ("in Policing or Elections,
from Serbia, issued by the Secretariat, between …"), each term with the query that removes
it, and the short list of terms for a feed's title ("Policing, Serbia").

Both read only the normalised query (news.listing.filterset.NewsFilter.query) and the facets'
options, so they name exactly the filters that were applied.
"""

import datetime
from dataclasses import dataclass

from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from news.listing.facets import FACETS


@dataclass
class SummaryTerm:
    label: str
    remove_query: QueryDict


@dataclass
class SummaryPart:
    prefix: str
    terms: list
    joiner: str = ""


def _brief_date(query, key):
    """The query's date `key` as the active language writes it briefly ("2 Dec 2026")."""
    return date_format(datetime.date.fromisoformat(query[key]), "SHORT_DATE_FORMAT")


def _labels(options, name):
    return {option.value: str(option.label) for option in options[name]}


def _without(query, key, value=None):
    params = query.copy()
    if value is None:
        params.pop(key, None)
    else:
        remaining = [item for item in params.getlist(key) if item != value]
        params.setlist(key, remaining)
        if not remaining:
            params.pop(key)
    return params


def summary_parts(query, options):
    """The parts of the sentence, in the query's order."""
    parts = []
    if "q" in query:
        parts.append(
            SummaryPart(_("matching"), [SummaryTerm(f"“{query['q']}”", _without(query, "q"))])
        )
    for spec in FACETS:
        values = query.getlist(spec.name)
        if values:
            labels = _labels(options, spec.name)
            terms = [
                SummaryTerm(labels[value], _without(query, spec.name, value)) for value in values
            ]
            parts.append(SummaryPart(spec.prefix, terms, joiner=_("or")))
    start = "date_from" in query and SummaryTerm(
        _brief_date(query, "date_from"), _without(query, "date_from")
    )
    end = "date_to" in query and SummaryTerm(
        _brief_date(query, "date_to"), _without(query, "date_to")
    )
    if start and end:
        parts.append(SummaryPart(_("between"), [start, end], joiner=_("and")))
    elif start:
        parts.append(SummaryPart(_("since"), [start]))
    elif end:
        parts.append(SummaryPart(_("until"), [end]))
    return parts


def title_terms(query, options):
    """The selected terms' names, in the query's order."""
    names = []
    if "q" in query:
        names.append(f"“{query['q']}”")
    for spec in FACETS:
        labels = _labels(options, spec.name)
        names.extend(labels[value] for value in query.getlist(spec.name))
    start = "date_from" in query and _brief_date(query, "date_from")
    end = "date_to" in query and _brief_date(query, "date_to")
    if start and end:
        names.append(gettext("%(start)s to %(end)s") % {"start": start, "end": end})
    elif start:
        names.append(gettext("since %(date)s") % {"date": start})
    elif end:
        names.append(gettext("until %(date)s") % {"date": end})
    return names
