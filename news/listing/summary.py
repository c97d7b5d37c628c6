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
    """Each option's name as a sentence says it: a structure by its name in running text
    ("issued by OSCE Secretariat"), every other option by its label."""
    return {option.value: option.text_label or str(option.label) for option in options[name]}


def without(query, key, value=None):
    """`query` without `key` (or only without its `value`): what a "remove" link asks for."""
    params = query.copy()
    if value is None:
        params.pop(key, None)
    else:
        remaining = [item for item in params.getlist(key) if item != value]
        params.setlist(key, remaining)
        if not remaining:
            params.pop(key)
    return params


def summary_parts(query, options, facets=FACETS, period_parts=None):
    """The parts of the sentence, in the query's order; `period_parts(query)` says the
    period (news: `date_parts`)."""
    parts = []
    if "q" in query:
        parts.append(
            SummaryPart(_("matching"), [SummaryTerm(f"“{query['q']}”", without(query, "q"))])
        )
    for spec in facets:
        values = query.getlist(spec.name)
        if values:
            labels = _labels(options, spec.name)
            terms = [
                SummaryTerm(labels[value], without(query, spec.name, value)) for value in values
            ]
            parts.append(SummaryPart(spec.prefix, terms, joiner=_("or")))
    parts += (period_parts or date_parts)(query)
    return parts


def date_parts(query):
    """The date range's part of the sentence ("between 1 Jan 2020 and …")."""
    parts = []
    start = "date_from" in query and SummaryTerm(
        _brief_date(query, "date_from"), without(query, "date_from")
    )
    end = "date_to" in query and SummaryTerm(
        _brief_date(query, "date_to"), without(query, "date_to")
    )
    if start and end:
        parts.append(SummaryPart(_("between"), [start, end], joiner=_("and")))
    elif start:
        parts.append(SummaryPart(_("since"), [start]))
    elif end:
        parts.append(SummaryPart(_("until"), [end]))
    return parts


def title_terms(query, options, facets=FACETS, period_terms=None):
    """The selected terms' names, in the query's order."""
    names = []
    if "q" in query:
        names.append(f"“{query['q']}”")
    for spec in facets:
        labels = _labels(options, spec.name)
        names.extend(labels[value] for value in query.getlist(spec.name))
    return names + (period_terms or date_terms)(query)


def date_terms(query):
    names = []
    start = "date_from" in query and _brief_date(query, "date_from")
    end = "date_to" in query and _brief_date(query, "date_to")
    if start and end:
        names.append(gettext("%(start)s to %(end)s") % {"start": start, "end": end})
    elif start:
        names.append(gettext("since %(date)s") % {"date": start})
    elif end:
        names.append(gettext("until %(date)s") % {"date": end})
    return names
