"""The `/projects/` listing on the shared listing machinery (news.listing): a definition
(`PROJECTS`: facets, their SQL rules, the period rule, the sorts, the options) and a FilterSet
(`ProjectFilter`) on `ListingFilter`, so the query string, notices, canonical URLs, summary,
panel, feed and page cache behave exactly as `/news/`'s do.

Projects differ from news in three rules, each written once here:
- the period is a range of years, and a project counts in every year it runs (it matches when
  it runs on at least one day of the range: `SpanPeriod("start_date", "end_date")`);
- its status (planned, ongoing, completed) is derived from the dates and today's date, so the
  status facet is a `ConditionRule` whose conditions are computed when asked; the listing
  state moves at the midnight a project starts or ends (`Project.next_moments`);
- the figures panel (`figures`): number of projects, total budget, and budget by donor and by
  field of work, for exactly the filtered published projects.

Projects have a facet index of their own (news.listing.index), as the news have: it keeps
each project's start and end, so the year range and the status are computed from them when
asked (`StatusRule.index_mask`): a status that changes at midnight needs no new index.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.listing import years
from news.listing.definition import Listing
from news.listing.facets import FIELD_OF_WORK, FacetSpec
from news.listing.filterset import FacetFilter, ListingFilter
from news.listing.options import FacetOptions, cached_options, taxonomy_rows
from news.listing.rules import ColumnRule, ConditionRule, SpanPeriod, TagRule, TreeRule
from news.listing.sql_engine import SqlEngine
from news.listing.years import YearFilter, YearRangeMixin, YearsForm
from projects.models import (
    Donor,
    Funding,
    Project,
    ProjectDonor,
    ProjectImplementer,
    ProjectStatus,
    status_condition,
)

COUNTRY = FacetSpec(
    "country",
    _("Beneficiary country"),
    _("We ignored an unknown country: “%(value)s”."),
    _("for"),
)
IMPLEMENTED_BY = FacetSpec(
    "implemented_by",
    _("Implemented by"),
    _("We ignored an unknown implementing structure: “%(value)s”."),
    _("implemented by"),
    tree=True,
)
DONOR = FacetSpec(
    "donor",
    _("Donor"),
    _("We ignored an unknown donor: “%(value)s”."),
    _("funded by"),
)
STATUS = FacetSpec(
    "status",
    _("Status"),
    _("We ignored an unknown project status: “%(value)s”."),
    _("that are"),
    collapsible=False,
)
FUNDING = FacetSpec(
    "funding",
    _("Funding"),
    _("We ignored an unknown kind of funding: “%(value)s”."),
    _("funded from the"),
    collapsible=False,
)

FACETS = (FIELD_OF_WORK, COUNTRY, IMPLEMENTED_BY, DONOR, STATUS, FUNDING)
PANEL_ORDER = (STATUS, FIELD_OF_WORK, IMPLEMENTED_BY, COUNTRY, DONOR, FUNDING)

# The listing's orders, under the keys every listing shares: newest = latest start first.
SORTS = {
    "relevance": (_("Most relevant"), ("-search_rank", "-start_date", "-id")),
    "newest": (_("Latest start first"), ("-start_date", "-id")),
    "oldest": (_("Earliest start first"), ("start_date", "id")),
}


def status_conditions():
    today = timezone.localdate()
    return {status: status_condition(status, today) for status in ProjectStatus.values}


class StatusRule(ConditionRule):
    """The status from the dates and today's date, in SQL (`status_condition`) and in the
    facet index, which keeps each project's start (its order) and end: planned projects start
    after today (the first positions), ongoing ones have started and end today or later,
    completed ones ended before today."""

    def index_mask(self, index, selection, name, slug):
        today = timezone.localdate()
        planned = index.starts_after(today)
        if slug == ProjectStatus.PLANNED:
            return planned
        running = index.ends_from(today)
        if slug == ProjectStatus.ONGOING:
            return running & ~planned
        return index.everything & ~running


def project_options(database, language):
    fields, countries, structures = taxonomy_rows(database, language)
    donors = list(
        Donor.objects.using(database).order_by("position", "name").values_list("pk", "slug", "name")
    )
    return FacetOptions(
        structures,
        {"field_of_work": fields, "country": countries, "donor": donors},
        {"status": ProjectStatus.choices, "funding": Funding.choices},
        tree_facets=("implemented_by",),
    )


def options(database, language):
    return cached_options("projects", project_options, database, language)


PROJECTS = Listing(
    name="projects",
    model=Project,
    facets=FACETS,
    panel_order=PANEL_ORDER,
    rules={
        "field_of_work": TagRule(Project.fields_of_work.through, "project_id", "fieldofwork_id"),
        "country": TagRule(Project.countries.through, "project_id", "country_id"),
        "implemented_by": TreeRule(ProjectImplementer, "project_id"),
        "donor": TagRule(ProjectDonor, "project_id", "donor_id"),
        "status": StatusRule(status_conditions),
        "funding": ColumnRule("funding"),
    },
    period=SpanPeriod("start_date", "end_date"),
    sorts=SORTS,
    rank_tiebreak="start_date DESC, id DESC",
    options=options,
    tree_facet="implemented_by",
    indexed=True,
)

PROJECT_YEARS = (
    _("running in"),
    _("running between"),
    _("running in or after"),
    _("running in or before"),
)


def year_parts(query):
    """The years' part of the sentence: "running in 2019", "running from 2017 to 2020"."""
    return years.year_parts(query, PROJECT_YEARS)


class ProjectFilter(YearRangeMixin, ListingFilter):
    """`/projects/`'s filters: facets (`field_of_work`, `country`, `implemented_by`, `donor`,
    `status`, `funding`), years `year_from`/`year_to`, `q` and `sort`."""

    listing = PROJECTS
    swapped_notice = _(
        "The first year was after the last, so we swapped them: showing projects "
        "running from %(start)s to %(end)s."
    )

    field_of_work = FacetFilter(label=FIELD_OF_WORK.label)
    country = FacetFilter(label=COUNTRY.label)
    implemented_by = FacetFilter(label=IMPLEMENTED_BY.label)
    donor = FacetFilter(label=DONOR.label)
    status = FacetFilter(label=STATUS.label)
    funding = FacetFilter(label=FUNDING.label)
    year_from = YearFilter(label=_("From year"))
    year_to = YearFilter(label=_("To year"))

    class Meta:
        model = Project
        fields = []
        form = YearsForm

    period_parts = staticmethod(year_parts)

    def figures(self):
        """The figures panel for exactly the filtered projects (published ones only)."""
        return figures(self)


@dataclass
class FigureRow:
    label: str
    budget: object  # Decimal
    projects: int
    value: str = ""  # the option's slug (the facet's query value)


@dataclass
class Figures:
    projects: int = 0
    budget: object = None  # Decimal, or None when no project states one
    without_budget: int = 0
    by_donor: list = field(default_factory=list)
    by_field: list = field(default_factory=list)


def _rows(links, option_column, options):
    """{option: total budget of the projects linked to it, how many} as FigureRows, largest
    budget first; `options` maps an option's id to (slug, label)."""
    rows = (
        links.values(option_column)
        .annotate(total=Sum("project__budget"), n=Count("project_id", distinct=True))
        .order_by()
        .values_list(option_column, "total", "n")
    )
    found = [
        FigureRow(options[pk][1], total or 0, n, options[pk][0])
        for pk, total, n in rows
        if pk in options
    ]
    return sorted(found, key=lambda row: (-row.budget, -row.projects, str(row.label)))


def figures(filterset):
    """Number of projects, total budget, and budget by donor and by field of work of the
    projects matching every filter. A project with several donors (or fields of work) counts
    in full for each, so those rows may add up to more than the total: the figures panel says
    so."""
    items = SqlEngine(filterset.selection, filterset.queryset).filtered().order_by()
    ids = items.values("pk")
    totals = items.aggregate(
        n_projects=Count("pk"),
        total_budget=Sum("budget"),
        n_without_budget=Count("pk", filter=Q(budget__isnull=True)),
    )
    taxonomy = filterset.taxonomy
    donor_names = {
        taxonomy.ids["donor"][option.value]: (option.value, option.label)
        for option in taxonomy.options["donor"]
    }
    field_names = {
        taxonomy.ids["field_of_work"][option.value]: (option.value, option.label)
        for option in taxonomy.options["field_of_work"]
    }
    field_links = Project.fields_of_work.through.objects.filter(project_id__in=ids)
    return Figures(
        projects=totals["n_projects"],
        budget=totals["total_budget"],
        without_budget=totals["n_without_budget"],
        by_donor=_rows(ProjectDonor.objects.filter(project_id__in=ids), "donor_id", donor_names),
        by_field=_rows(field_links, "fieldofwork_id", field_names),
    )
