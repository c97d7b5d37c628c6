"""The one definition of how visitors filter a listing: the news listing, its Atom feed and
any JSON output all build a `NewsFilter` from the query string, so they can never disagree;
the projects listing builds a `ProjectFilter` (projects.listing) on the same base,
`ListingFilter`, with its own definition (news.listing.definition).

Facets (news.listing.facets: `field_of_work`, `country`, `issued_by`, `type`) take slugs;
repeating a key is OR, different keys are AND.

Whatever arrives in the query string is bounded and checked against the known slugs first:
unknown values, malformed dates and an unknown sort order are dropped and reported in
`notices`, never raised, so no link a visitor can type produces an error page.

The FilterSet parses, validates and normalises; what the visitor asked for then goes, as a
`Selection`, to an engine (news.listing.engine) that finds, counts and pages the results: the
facet index when one is ready, SQL otherwise.
"""

import django_filters
from django import forms
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core import languages
from core.text import strip_control_characters
from news.listing import summary
from news.listing.definition import NEWS
from news.listing.engine import Engine
from news.listing.facets import COUNTRY, FIELD_OF_WORK, ISSUED_BY, TYPE, Facet
from news.listing.index_engine import IndexEngine
from news.listing.options import Option
from news.listing.selection import Selection, effective_sort
from news.listing.sql_engine import SqlEngine
from news.listing.summary import date_parts, date_terms
from news.listing.warmup import ready_index
from news.models import NewsItem
from search.query import parse_query

ISO_DATE = "%Y-%m-%d"
# Bounds on what one request may ask for: more values than this in one facet are ignored,
# and no slug is longer than the longest slug field.
MAX_VALUES_PER_FACET = 50
MAX_VALUE_LENGTH = 255
NOTICE_VALUE_LENGTH = 60

# The order of keys in normalised query strings (canonical URLs, feed links, pagination).
PARAMETER_ORDER = ("q", *NEWS.facet_names, "date_from", "date_to", "sort")


def shorten(value, limit=NOTICE_VALUE_LENGTH):
    value = strip_control_characters(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


class LenientMultipleChoiceField(forms.Field):
    """Keeps the values it knows (`known`, a set shared by every copy of the form: copying
    ~150 choices into each request's form cost more than validating) and remembers the others
    in `unknown`, so one stale or mistyped slug in a shared link narrows nothing and breaks
    nothing."""

    widget = forms.SelectMultiple

    def __init__(self, *args, known=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.known = known
        self.unknown = []

    def clean(self, value):
        kept, unknown = [], []
        for raw in (value or [])[:MAX_VALUES_PER_FACET]:
            item = raw.strip() if isinstance(raw, str) else ""
            if not item:
                continue
            if item in self.known:
                if item not in kept:
                    kept.append(item)
            elif item not in unknown:
                unknown.append(item[:MAX_VALUE_LENGTH])
        self.unknown = unknown
        return kept


class LenientChoiceField(forms.Field):
    """A single known value (`known`) that falls back to the default instead of failing."""

    def __init__(self, *args, known=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.known = known
        self.unknown = []

    def clean(self, value):
        value = (value or "").strip() if isinstance(value, str) else ""
        if value and value not in self.known:
            self.unknown = [value[:MAX_VALUE_LENGTH]]
            return ""
        return value


class PeriodFilterForm(forms.Form):
    """Swaps the period's two ends when they come reversed (`period_fields`)."""

    period_fields = ("date_from", "date_to")

    def clean(self):
        cleaned = super().clean()
        self.dates_swapped = False
        first, last = self.period_fields
        start, end = cleaned.get(first), cleaned.get(last)
        if start is not None and end is not None and start > end:
            cleaned[first], cleaned[last] = end, start
            self.dates_swapped = True
        return cleaned


NewsFilterForm = PeriodFilterForm


class FacetFilter(django_filters.Filter):
    """A facet's slugs; the known ones come from its options (`NewsFilter.__init__`)."""

    field_class = LenientMultipleChoiceField


class SortFilter(django_filters.Filter):
    """One of the listing's sorts; the order itself is the engines'."""

    field_class = LenientChoiceField


class ListingFilter(django_filters.FilterSet):
    """What every listing's filters share: search words, facets (declared by the subclass,
    one `FacetFilter` per facet of its `listing`), a period of two ends (`period_fields`,
    declared by the subclass) and a sort order. The filters are declarations (each is a form
    field); the filtering itself is the engines' (`filter_queryset`, `results`)."""

    listing = NEWS
    period_fields = ("date_from", "date_to")

    q = django_filters.CharFilter(label=_("Words"), max_length=MAX_VALUE_LENGTH)
    sort = SortFilter(label=_("Sort"))

    def __init__(self, data=None, queryset=None, **kwargs):
        # The language the visitor reads in: results are the items published in it, searched
        # in its own index, and the options are named in it.
        self.language = languages.active()
        # Only the default queryset (every published item in the language) is what the facet
        # index describes; any other is answered with SQL.
        self.indexable = queryset is None and self.listing.indexed
        if queryset is None:
            queryset = self.listing.public(self.language)
        super().__init__(QueryDict() if data is None else data, queryset, **kwargs)
        self.taxonomy = self.listing.options(self.queryset.db, self.language)
        self.options = self.taxonomy.options
        for name in self.listing.facet_names:
            self.filters[name].extra["known"] = self.taxonomy.known[name]
        self.filters["sort"].extra["known"] = frozenset(self.listing.sorts)

    @property
    def parameter_order(self):
        """The order of keys in normalised query strings (canonical URLs, feed links,
        pagination)."""
        return ("q", *self.listing.facet_names, *self.period_fields, "sort")

    def period(self):
        """The period asked for, as (first day, last day), either None."""
        cleaned = self.cleaned
        return cleaned.get("date_from"), cleaned.get("date_to")

    def period_value(self, value):
        """A period end as the normalised query writes it."""
        return value.isoformat()

    @property
    def cleaned(self):
        """The validated values (dates swapped if they came reversed)."""
        if not hasattr(self, "_cleaned"):
            self.form.is_valid()
            self._cleaned = getattr(self.form, "cleaned_data", {})
        return self._cleaned

    @property
    def search_query(self):
        """The parsed search words (falsy when there are none worth searching for)."""
        return parse_query(strip_control_characters(self.cleaned.get("q") or ""), self.language)

    @property
    def current_sort(self):
        return effective_sort(self.cleaned.get("sort"), self.search_query)

    @property
    def selection(self):
        if not hasattr(self, "_selection"):
            cleaned = self.cleaned
            date_from, date_to = self.period()
            self._selection = Selection(
                language=self.language,
                options=self.taxonomy,
                values={
                    name: cleaned[name] for name in self.listing.facet_names if cleaned.get(name)
                },
                date_from=date_from,
                date_to=date_to,
                search=self.search_query,
                sort=self.current_sort,
                listing=self.listing,
            )
        return self._selection

    @property
    def engine(self) -> Engine:
        """The facet index's engine when this process holds the index of the current
        content state, SQL otherwise (news.listing.warmup): answers are never stale, and no
        request waits for an index."""
        if not hasattr(self, "_engine"):
            index = ready_index(self.listing) if self.indexable else None
            if index is None:
                self._engine = SqlEngine(self.selection, self.queryset)
            else:
                self._engine = IndexEngine(self.selection, index)
        return self._engine

    @property
    def results(self):
        """The matching items for a paginator: `count()` and `ids(start, stop)`."""
        return self.engine

    def filter_queryset(self, queryset):
        return SqlEngine(self.selection, queryset).ordered()

    def issuer_counts(self):
        """{structure id: results it issued itself}, for "most active" lists."""
        return self.engine.issuer_counts()

    def facets(self):
        """Every facet with its options, each counted with the other facets' filters. Once
        an option of a facet is ticked, the others say what ticking them would add; below a
        ticked structure its units are shown as included."""
        facets = []
        for spec in self.listing.panel_order:
            counts = self.engine.counts(spec.name)
            selected = set(self.cleaned.get(spec.name) or ())
            additions = self.engine.additions(spec.name) if selected else None
            included = self.taxonomy.included(selected) if spec.tree and selected else {}
            options = [
                Option(
                    option.value,
                    option.label,
                    count=counts.get(option.value, 0),
                    selected=option.value in selected,
                    depth=option.depth,
                    added=(
                        None
                        if additions is None or option.value in selected or option.value in included
                        else additions.get(option.value, 0)
                    ),
                    included_in=included.get(option.value, ""),
                )
                for option in self.options[spec.name]
            ]
            facets.append(Facet(spec, options))
        return facets

    # What the page says about the filters -------------------------------------------------

    @property
    def sort_options(self):
        """Relevance is offered only while there are search words to rank by."""
        return [
            (key, label)
            for key, (label, _order) in self.listing.sorts.items()
            if key != "relevance" or self.search_query
        ]

    @property
    def notices(self):
        """Human-readable reasons why part of the query string was not used."""
        self.cleaned  # noqa: B018 - validates the form
        fields = self.form.fields
        notices = [
            spec.notice % {"value": shorten(value)}
            for spec in self.listing.facets
            for value in fields[spec.name].unknown
        ]
        notices += [
            _("We ignored an unknown sort order: “%(value)s”.") % {"value": shorten(value)}
            for value in fields["sort"].unknown
        ]
        notices += self.period_notices()
        raw_q = self.data.get("q", "")
        if "q" in self.form.errors:
            notices.append(_("We ignored the search words: they are too long."))
        elif raw_q.strip() and not parse_query(strip_control_characters(raw_q), self.language):
            notices.append(
                _("We ignored the search words “%(value)s”: they are too common to search for.")
                % {"value": shorten(raw_q)}
            )
        return notices

    def period_notices(self):
        """Why the period was not used as given."""
        notices = []
        date_labels = {"date_from": _("start date"), "date_to": _("end date")}
        for name, label in date_labels.items():
            if name in self.form.errors:
                notices.append(
                    _(
                        "We ignored the %(label)s “%(value)s”: "
                        "write dates as YYYY-MM-DD, for example 2020-12-31."
                    )
                    % {"label": label, "value": shorten(self.data.get(name, ""))}
                )
        if getattr(self.form, "dates_swapped", False):
            notices.append(
                _(
                    "The start date was after the end date, so we swapped them: showing news "
                    "from %(start)s to %(end)s."
                )
                % {
                    "start": date_format(self.cleaned["date_from"], "SHORT_DATE_FORMAT"),
                    "end": date_format(self.cleaned["date_to"], "SHORT_DATE_FORMAT"),
                }
            )
        return notices

    @property
    def query(self):
        """The valid filters as a normalised query string (known values, fixed key order):
        the base for canonical URLs, the feed link, pagination and "remove" links."""
        if not hasattr(self, "_query"):
            self._query = self._normalised_query()
        return self._query.copy()

    def _normalised_query(self):
        cleaned = self.cleaned
        params = QueryDict(mutable=True)
        for name in self.parameter_order:
            value = cleaned.get(name)
            if not value:
                continue
            if name == "q":
                if parse_query(strip_control_characters(value), self.language):
                    params["q"] = strip_control_characters(value).strip()
            elif name in self.listing.facet_names:
                params.setlist(name, list(value))
            elif name in self.period_fields:
                params[name] = self.period_value(value)
            elif name == "sort" and value != effective_sort("", self.search_query):
                if value != "relevance" or self.search_query:
                    params[name] = value
        return params

    @property
    def active_value_count(self):
        """How many filter values narrow the results (sort order is not a filter)."""
        return sum(len(values) for key, values in self.query.lists() if key != "sort")

    def summary(self):
        """The active filters as parts of a sentence, each term with the query that removes it
        (news.listing.summary)."""
        return summary.summary_parts(
            self.query, self.options, self.listing.facets, self.period_parts
        )

    def title_terms(self):
        """The selected terms' names, for a feed title ("Policing, Serbia")."""
        return summary.title_terms(self.query, self.options, self.listing.facets, self.period_terms)

    # The period's words (news.listing.summary) ---------------------------------------------

    period_parts = staticmethod(date_parts)
    period_terms = staticmethod(date_terms)


class NewsFilter(ListingFilter):
    """The news listing's filters: facets `field_of_work`, `country`, `issued_by`, `type`,
    and dates `date_from`/`date_to`."""

    listing = NEWS

    field_of_work = FacetFilter(label=FIELD_OF_WORK.label)
    country = FacetFilter(label=COUNTRY.label)
    issued_by = FacetFilter(label=ISSUED_BY.label)
    type = FacetFilter(label=TYPE.label)
    date_from = django_filters.DateFilter(label=_("From"), input_formats=[ISO_DATE])
    date_to = django_filters.DateFilter(label=_("To"), input_formats=[ISO_DATE])

    class Meta:
        model = NewsItem
        fields = []
        form = PeriodFilterForm
