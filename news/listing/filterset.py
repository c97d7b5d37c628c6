"""The one definition of how visitors filter news: the listing, the Atom feed and any JSON
output all build a `NewsFilter` from the query string, so they can never disagree.

Facets (`field_of_work`, `country`, `issued_by`, `type`) take slugs; repeating a key is OR,
different keys are AND. Every facet is applied as its own `pk IN (subquery)`, so joins over
many-to-many tables never duplicate rows and no DISTINCT over the news table is needed.

Whatever arrives in the query string is bounded and checked against the known slugs first:
unknown values, malformed dates and an unknown sort order are dropped and reported in
`notices`, never raised, so no link a visitor can type produces an error page.

Facet counts (`facets()`) answer "how many results would this option give combined with the
other active filters": for facet F, every filter except F is applied, then one GROUP BY query
counts per option of F — four count queries whatever the number of options or items.
"""

import hashlib
from array import array
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.core.cache import cache
from django.db import connections
from django.db.models import Count
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import languages
from core.content_state import state_key
from core.text import strip_control_characters
from news.listing.index import current_index
from news.listing.options import Option, facet_options
from news.models import NewsItem, NewsItemIssuer
from search.backends import filter_matching, rank_expression, ranked_ids
from search.query import parse_query
from structures.models import Structure

ISO_DATE = "%Y-%m-%d"
RANK_TIEBREAK = "issued_on DESC, id DESC"
MAX_CACHED_RANKED_IDS = 200_000
RANKED_IDS_SECONDS = 600
# Bounds on what one request may ask for: more values than this in one facet are ignored,
# and no slug is longer than the longest slug field.
MAX_VALUES_PER_FACET = 50
MAX_VALUE_LENGTH = 255
NOTICE_VALUE_LENGTH = 60

SORTS = {
    "relevance": (_("Most relevant"), ("-search_rank", "-issued_on", "-id")),
    "newest": (_("Newest first"), ("-issued_on", "-id")),
    "oldest": (_("Oldest first"), ("issued_on", "id")),
}
DEFAULT_SORT = "newest"
# With search words the default is relevance; without them relevance means nothing.
DEFAULT_SEARCH_SORT = "relevance"

FACETS = ("field_of_work", "country", "issued_by", "type")
# The order of keys in normalised query strings (canonical URLs, feed links, pagination).
PARAMETER_ORDER = ("q", *FACETS, "date_from", "date_to", "sort")


def _short_date(value):
    """A date as the active language writes it briefly ("2 Dec 2026", "02.12.2026")."""
    return date_format(value, "SHORT_DATE_FORMAT")


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


class FacetFilter(django_filters.Filter):
    """A multi-valued slug filter; the FilterSet turns the slugs into a subquery."""

    field_class = LenientMultipleChoiceField

    def filter(self, qs, value):
        if not value:
            return qs
        return self.parent.apply_facet(qs, self.field_name, value)


class SortFilter(django_filters.Filter):
    """Orders by an allowlisted key; relevance ranks against the parsed search words."""

    field_class = LenientChoiceField

    def filter(self, qs, value):
        sort = self.parent.effective_sort(value)
        if sort == "relevance":
            qs = qs.annotate(search_rank=rank_expression(NewsItem, self.parent.search_query))
        return qs.order_by(*SORTS[sort][1])


class NewsFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        self.dates_swapped = False
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            cleaned["date_from"], cleaned["date_to"] = end, start
            self.dates_swapped = True
        return cleaned


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    # Long lists start closed (unless something in them is selected), so that on a phone the
    # whole panel fits on a screen or two.
    collapsible: bool = False

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    @property
    def visible_options(self):
        """Options with results, plus selected ones so a visitor can always untick them.
        In flat lists the selected options come first, so a long scrolled list never hides
        what is ticked; the structure tree keeps its shape."""
        visible = [option for option in self.options if option.count or option.selected]
        if self.name == "issued_by":
            return visible
        return sorted(visible, key=lambda option: not option.selected)


@dataclass
class SummaryTerm:
    label: str
    remove_query: QueryDict


@dataclass
class SummaryPart:
    prefix: str
    terms: list
    joiner: str = ""


class NewsFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_text", label=_("Words"), max_length=MAX_VALUE_LENGTH
    )
    field_of_work = FacetFilter(label=_("Field of work"))
    country = FacetFilter(label=_("Country"))
    issued_by = FacetFilter(label=_("Issued by"))
    type = FacetFilter(label=_("Type"))
    date_from = django_filters.DateFilter(
        field_name="issued_on",
        lookup_expr="gte",
        label=_("From"),
        input_formats=[ISO_DATE],
    )
    date_to = django_filters.DateFilter(
        field_name="issued_on",
        lookup_expr="lte",
        label=_("To"),
        input_formats=[ISO_DATE],
    )
    sort = SortFilter(label=_("Sort"), known=frozenset(SORTS))

    class Meta:
        model = NewsItem
        fields = []
        form = NewsFilterForm

    def __init__(self, data=None, queryset=None, **kwargs):
        # The language the visitor reads in: results are the items published in it, searched
        # in its own index, and the options are named in it.
        self.language = languages.active()
        if queryset is None:
            queryset = NewsItem.objects.published().in_language(self.language)
        super().__init__(QueryDict() if data is None else data, queryset, **kwargs)
        self.taxonomy = facet_options(self.queryset.db, self.language)
        self.options = self.taxonomy.options
        for name in FACETS:
            self.filters[name].extra["known"] = self.taxonomy.known[name]

    # Filtering ----------------------------------------------------------------------------

    def apply_facet(self, qs, name, slugs):
        if name == "type":
            return qs.filter(type__in=slugs)
        if name == "issued_by":
            links = NewsItemIssuer.objects.filter(structure_id__in=self.taxonomy.subtree_ids(slugs))
            return qs.filter(pk__in=links.values("news_item_id"))
        through, column = self._through(name)
        ids = [self.taxonomy.ids[name][slug] for slug in slugs]
        links = through.objects.filter(**{f"{column}__in": ids})
        return qs.filter(pk__in=links.values("newsitem_id"))

    @staticmethod
    def _through(name):
        if name == "field_of_work":
            return NewsItem.fields_of_work.through, "fieldofwork_id"
        return NewsItem.countries.through, "country_id"

    def filter_text(self, qs, name, value):
        if not self.search_query:
            return qs
        return filter_matching(qs, self.search_query)

    @property
    def search_query(self):
        """The parsed search words (falsy when there are none worth searching for)."""
        return parse_query(strip_control_characters(self.cleaned.get("q") or ""), self.language)

    def effective_sort(self, requested):
        default = DEFAULT_SEARCH_SORT if self.search_query else DEFAULT_SORT
        if not requested or (requested == "relevance" and not self.search_query):
            return default
        return requested

    @property
    def cleaned(self):
        """The validated values (dates swapped if they came reversed)."""
        if not hasattr(self, "_cleaned"):
            self.form.is_valid()
            self._cleaned = getattr(self.form, "cleaned_data", {})
        return self._cleaned

    def filtered(self, skip=None):
        """The results of every active filter except the facet `skip`, unordered."""
        qs = self.queryset.all()
        for name, value in self.cleaned.items():
            if name in (skip, "sort"):
                continue
            qs = self.filters[name].filter(qs, value)
        return qs

    def filter_queryset(self, queryset):
        return self.filters["sort"].filter(self.filtered(), self.cleaned.get("sort", ""))

    # Results through the in-memory index (news.listing.index), or SQL without one --------------

    @property
    def index(self):
        """The facet index, unless this request needs SQL anyway (or none is ready yet)."""
        if not hasattr(self, "_index"):
            self._index = current_index() if self.queryset.model is NewsItem else None
        return self._index

    def _facet_mask(self, index, name, values):
        """The items having any of `values` in facet `name`; a structure includes its units."""
        if name == "type":
            return index.any_of("type", values)
        if name == "issued_by":
            mask = 0
            for slug in values:
                mask |= self._structure_mask(index, slug)
            return mask
        return index.any_of(name, [self.taxonomy.ids[name][slug] for slug in values])

    def _structure_mask(self, index, slug):
        pk = self.taxonomy.structure_ids[slug]
        return index.derived(
            ("structure", pk),
            lambda: index.any_of("structure", self.taxonomy.subtree_ids([slug])),
        )

    def _index_mask(self, index, skip=None):
        mask = index.option("language", self.language)
        for name in FACETS:
            values = self.cleaned.get(name)
            if values and name != skip:
                mask &= self._facet_mask(index, name, values)
        start, end = self.cleaned.get("date_from"), self.cleaned.get("date_to")
        if start or end:
            mask &= index.date_range(start, end)
        if self.search_query:
            mask &= self._search_mask(index)
        return mask

    def _search_mask(self, index):
        if not hasattr(self, "_search_bits"):
            key = ("search", self.language, self.search_query.fts5())
            self._search_bits = index.derived(key, lambda: index.of_ids(self.ranked_ids()))
        return self._search_bits

    def ranked_ids(self):
        """Every item matching the search words, most relevant first (newest first at equal
        relevance), shared through the cache for the current content state: one search
        serves every filter combination and page."""
        if not hasattr(self, "_ranked_ids"):
            words = hashlib.sha256(self.search_query.fts5().encode()).hexdigest()
            key = f"ranked:{state_key()}:{self.language}:{words}"
            blob = cache.get(key)
            if blob is None:
                ids = array(
                    "q", ranked_ids(NewsItem._meta.db_table, self.search_query, RANK_TIEBREAK)
                )
                if len(ids) <= MAX_CACHED_RANKED_IDS:
                    cache.set(key, ids.tobytes(), RANKED_IDS_SECONDS)
            else:
                ids = array("q")
                ids.frombytes(blob)
            self._ranked_ids = ids
        return self._ranked_ids

    def issuer_counts(self):
        """{structure id: results it issued itself}, for "most active" lists."""
        index = self.index
        if index is None:
            rows = (
                NewsItemIssuer.objects.filter(news_item__in=self.filtered().order_by().values("pk"))
                .values_list("structure_id")
                .annotate(n=Count("id"))
                .order_by()
            )
            return dict(rows)
        mask = self._index_mask(index)
        counts = {}
        for pk in self.taxonomy.structure_slugs:
            count = (index.option("structure", pk) & mask).bit_count()
            if count:
                counts[pk] = count
        return counts

    @property
    def results(self):
        """The matching items for a paginator: `count()` and `ids(start, stop)`."""
        return FilteredResults(self)

    # What the page says about the filters -------------------------------------------------

    @property
    def current_sort(self):
        return self.effective_sort(self.cleaned.get("sort"))

    @property
    def sort_options(self):
        """Relevance is offered only while there are search words to rank by."""
        return [
            (key, label)
            for key, (label, _order) in SORTS.items()
            if key != "relevance" or self.search_query
        ]

    @property
    def notices(self):
        """Human-readable reasons why part of the query string was not used."""
        self.cleaned  # noqa: B018 - validates the form
        notices = []
        labels = {
            "field_of_work": _("We ignored an unknown field of work: “%(value)s”."),
            "country": _("We ignored an unknown country: “%(value)s”."),
            "issued_by": _("We ignored an unknown issuing structure: “%(value)s”."),
            "type": _("We ignored an unknown type of news: “%(value)s”."),
            "sort": _("We ignored an unknown sort order: “%(value)s”."),
        }
        for name, message in labels.items():
            for value in self.form.fields[name].unknown:
                notices.append(message % {"value": shorten(value)})
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
        raw_q = self.data.get("q", "")
        if "q" in self.form.errors:
            notices.append(_("We ignored the search words: they are too long."))
        elif raw_q.strip() and not parse_query(strip_control_characters(raw_q), self.language):
            notices.append(
                _("We ignored the search words “%(value)s”: they are too common to search for.")
                % {"value": shorten(raw_q)}
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
        for name in PARAMETER_ORDER:
            value = cleaned.get(name)
            if not value:
                continue
            if name == "q":
                if parse_query(strip_control_characters(value), self.language):
                    params["q"] = strip_control_characters(value).strip()
            elif name in FACETS:
                params.setlist(name, list(value))
            elif name in ("date_from", "date_to"):
                params[name] = value.isoformat()
            elif name == "sort" and value != self.effective_sort(""):
                if value != "relevance" or self.search_query:
                    params[name] = value
        return params

    @property
    def active_value_count(self):
        """How many filter values narrow the results (sort order is not a filter)."""
        return sum(len(values) for key, values in self.query.lists() if key != "sort")

    def _labels(self, name):
        return {option.value: str(option.label) for option in self.options[name]}

    def _without(self, key, value=None):
        params = self.query.copy()
        if value is None:
            params.pop(key, None)
        else:
            remaining = [item for item in params.getlist(key) if item != value]
            params.setlist(key, remaining)
            if not remaining:
                params.pop(key)
        return params

    def summary(self):
        """The active filters as parts of a sentence, each term with the query that removes it:
        "in Policing or Elections, from Serbia, issued by the Secretariat, between …"."""
        query = self.query
        parts = []
        if "q" in query:
            parts.append(
                SummaryPart(_("matching"), [SummaryTerm(f"“{query['q']}”", self._without("q"))])
            )
        prefixes = {
            "field_of_work": _("in"),
            "country": _("from"),
            "issued_by": _("issued by"),
            "type": _("of type"),
        }
        for name, prefix in prefixes.items():
            values = query.getlist(name)
            if not values:
                continue
            labels = self._labels(name)
            terms = [SummaryTerm(labels[value], self._without(name, value)) for value in values]
            parts.append(SummaryPart(prefix, terms, joiner=_("or")))
        start, end = self.cleaned.get("date_from"), self.cleaned.get("date_to")
        start_term = start and SummaryTerm(
            date_format(start, "SHORT_DATE_FORMAT"), self._without("date_from")
        )
        end_term = end and SummaryTerm(
            date_format(end, "SHORT_DATE_FORMAT"), self._without("date_to")
        )
        if start and end:
            parts.append(SummaryPart(_("between"), [start_term, end_term], joiner=_("and")))
        elif start:
            parts.append(SummaryPart(_("since"), [start_term]))
        elif end:
            parts.append(SummaryPart(_("until"), [end_term]))
        return parts

    def title_terms(self):
        """The selected terms' names, for a feed title ("Policing, Serbia")."""
        query = self.query
        names = []
        if "q" in query:
            names.append(f"“{query['q']}”")
        for name in FACETS:
            labels = self._labels(name)
            names.extend(labels[value] for value in query.getlist(name))
        start, end = self.cleaned.get("date_from"), self.cleaned.get("date_to")
        if start and end:
            names.append(
                gettext("%(start)s to %(end)s")
                % {
                    "start": date_format(start, "SHORT_DATE_FORMAT"),
                    "end": date_format(end, "SHORT_DATE_FORMAT"),
                }
            )
        elif start:
            names.append(
                gettext("since %(date)s") % {"date": date_format(start, "SHORT_DATE_FORMAT")}
            )
        elif end:
            names.append(
                gettext("until %(date)s") % {"date": date_format(end, "SHORT_DATE_FORMAT")}
            )
        return names

    # Facet counts --------------------------------------------------------------------------

    def facets(self):
        """Every facet with its options and their counts: one GROUP BY query per facet."""
        selected = {name: set(self.cleaned.get(name) or ()) for name in FACETS}
        counters = {
            "field_of_work": self._count_through,
            "country": self._count_through,
            "type": self._count_types,
            "issued_by": self._count_structures,
        }
        labels = {
            "field_of_work": _("Field of work"),
            "country": _("Country"),
            "issued_by": _("Issued by"),
            "type": _("Type"),
        }
        index = self.index
        if index is not None:
            counters = dict.fromkeys(FACETS, self._count_indexed)
        facets = []
        for name in ("field_of_work", "issued_by", "country", "type"):
            items = index if index is not None else self.filtered(skip=name)
            counts = counters[name](name, items)
            options = [
                Option(
                    option.value,
                    option.label,
                    count=counts.get(option.value, 0),
                    selected=option.value in selected[name],
                    depth=option.depth,
                )
                for option in self.options[name]
            ]
            facets.append(
                Facet(
                    name,
                    labels[name],
                    options,
                    collapsible=name != "type",
                )
            )
        return facets

    def _count_indexed(self, name, index):
        base = self._index_mask(index, skip=name)
        return {
            option.value: (self._facet_mask(index, name, [option.value]) & base).bit_count()
            for option in self.options[name]
        }

    def _count_through(self, name, items):
        through, column = self._through(name)
        slugs = {pk: slug for slug, pk in self.taxonomy.ids[name].items()}
        rows = (
            through.objects.filter(newsitem_id__in=items.order_by().values("pk"))
            .values(column)
            .annotate(n=Count("pk"))
            .order_by()
            .values_list(column, "n")
        )
        return {slugs[pk]: n for pk, n in rows if pk in slugs}

    def _count_types(self, name, items):
        rows = items.order_by().values("type").annotate(n=Count("pk")).values_list("type", "n")
        return dict(rows)

    def _count_structures(self, name, items):
        """Items issued by each structure or anything below it, each item counted once per
        structure even when several of its units issued it jointly.

        A recursive CTE pairs every structure with each of its descendants; joining the issuer
        links to it and counting DISTINCT items per ancestor gives, in one query, exactly the
        number of results that filtering by that structure returns. UNION (not UNION ALL)
        makes the recursion stop even if a cycle slipped into the tree.
        """
        connection = connections[items.db]
        quote = connection.ops.quote_name
        structures = quote(Structure._meta.db_table)
        issuers = quote(NewsItemIssuer._meta.db_table)
        subquery, params = items.order_by().values("pk").query.get_compiler(items.db).as_sql()
        sql = (
            "WITH RECURSIVE closure (ancestor_id, descendant_id) AS ("
            f" SELECT id, id FROM {structures}"
            " UNION"
            f" SELECT closure.ancestor_id, child.id FROM closure"
            f" JOIN {structures} child ON child.parent_id = closure.descendant_id"
            ")"
            " SELECT closure.ancestor_id, COUNT(DISTINCT link.news_item_id)"
            f" FROM {issuers} link"
            " JOIN closure ON link.structure_id = closure.descendant_id"
            f" WHERE link.news_item_id IN ({subquery})"
            " GROUP BY closure.ancestor_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        slugs = self.taxonomy.structure_slugs
        return {slugs[pk]: n for pk, n in rows if pk in slugs}


class FilteredResults:
    """What `NewsFilter` found, counted and paged from the facet index (in date order, or in
    the search's relevance order), or with SQL while no index is ready."""

    def __init__(self, filterset):
        self.filterset = filterset
        self.sort = filterset.current_sort
        self.index = filterset.index
        self._mask = filterset._index_mask(self.index) if self.index is not None else None

    def count(self):
        if self.index is not None:
            return self._mask.bit_count()
        return self.filterset.qs.count()

    def ids(self, start, stop):
        if self.index is None:
            return list(self.filterset.qs.values_list("pk", flat=True)[start:stop])
        if self.sort == "relevance":
            return self.index.first_in(self._mask, self.filterset.ranked_ids(), start, stop)
        return self.index.page(self._mask, start, stop - start, reverse=self.sort == "oldest")
