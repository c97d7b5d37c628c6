"""A listing filtered by a range of years (`year_from`, `year_to`) rather than dates: the
projects (a project counts in every year it runs) and the documents (by publication year).
The form field, its bounds, the period and the notices are written once here; each listing
says how its sentence reads ("running in 2019", "published in 2019") and what a swap shows."""

import datetime

import django_filters
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from news.listing.filterset import PeriodFilterForm, shorten
from news.listing.summary import SummaryPart, SummaryTerm, without

FIRST_YEAR, LAST_YEAR = 1975, 2100


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


class YearsForm(PeriodFilterForm):
    period_fields = ("year_from", "year_to")


def _year_range(query):
    return query.get("year_from"), query.get("year_to")


def year_parts(query, phrases):
    """The years' part of the sentence; `phrases` = (in, between, in or after, in or before),
    e.g. ("running in", "running between", …)."""
    within, between, after, before = phrases
    start, end = _year_range(query)
    if start and end and start == end:
        return [SummaryPart(within, [SummaryTerm(start, without(query, "year_from"))])]
    start_term = start and SummaryTerm(start, without(query, "year_from"))
    end_term = end and SummaryTerm(end, without(query, "year_to"))
    if start and end:
        return [SummaryPart(between, [start_term, end_term], joiner=_("and"))]
    if start:
        return [SummaryPart(after, [start_term])]
    if end:
        return [SummaryPart(before, [end_term])]
    return []


def year_terms(query):
    start, end = _year_range(query)
    if start and end:
        if start == end:
            return [start]
        return [gettext("%(start)s to %(end)s") % {"start": start, "end": end}]
    if start:
        return [gettext("since %(date)s") % {"date": start}]
    if end:
        return [gettext("until %(date)s") % {"date": end}]
    return []


class YearRangeMixin:
    """For a `ListingFilter` with `year_from`/`year_to` (`YearFilter`s) and `YearsForm`;
    `swapped_notice` says what is shown once reversed years are swapped."""

    period_fields = ("year_from", "year_to")
    swapped_notice = ""

    def period(self):
        cleaned = self.cleaned
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        return (
            datetime.date(start, 1, 1) if start else None,
            datetime.date(end, 12, 31) if end else None,
        )

    def period_value(self, value):
        return str(value)

    def period_notices(self):
        notices = []
        labels = {"year_from": _("first year"), "year_to": _("last year")}
        for name, label in labels.items():
            if name in self.form.errors:
                notices.append(
                    _(
                        "We ignored the %(label)s “%(value)s”: write a year between %(first)s "
                        "and %(last)s, for example 2020."
                    )
                    % {
                        "label": label,
                        "value": shorten(self.data.get(name, "")),
                        "first": FIRST_YEAR,
                        "last": LAST_YEAR,
                    }
                )
        if getattr(self.form, "dates_swapped", False):
            notices.append(
                self.swapped_notice
                % {"start": self.cleaned["year_from"], "end": self.cleaned["year_to"]}
            )
        return notices

    period_terms = staticmethod(year_terms)
