"""`/projects/`: results, facet counts and figures equal a brute-force computation over the
published projects; years, status and URL rules."""

import datetime
import re
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import timezone

from core.content_state import listing_state
from news import services
from projects.listing import ProjectFilter
from projects.models import Project, status_on
from structures.models import Structure
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

FACETS = ("field_of_work", "country", "implemented_by", "donor", "status", "funding")


def listed(response):
    """The slugs of the cards the page shows, in order."""
    return re.findall(
        r'class="news-card__title"><a href="(?:/[a-z]{2})?/projects/([^/"]+)/"', response.text
    )


def option_count(html, facet, value):
    match = re.search(
        rf'id="facet-{facet}-{re.escape(value)}"[^>]*><label[^>]*>[^<]*'
        r'<span class="facet__count">([\d,]+)',
        html,
    )
    return int(match.group(1).replace(",", "")) if match else None


def ancestors(structure, by_id):
    """The structure and every structure above it."""
    found = []
    while structure is not None:
        found.append(structure.slug)
        structure = by_id.get(structure.parent_id)
    return found


def facts(project, today, by_id):
    """What the brute force knows of a project, facet by facet."""
    implementers = set()
    for structure in project.implemented_by.all():
        implementers.update(ancestors(structure, by_id))
    return {
        "field_of_work": {field.slug for field in project.fields_of_work.all()},
        "country": {country.slug for country in project.countries.all()},
        "implemented_by": implementers,
        "donor": {donor.slug for donor in project.donors.all()},
        "status": {status_on(project.start_date, project.end_date, today).value},
        "funding": {project.funding},
    }


def brute_force(filters, years=(None, None)):
    """(slugs of the matching published English projects, {facet: {option: count}})."""
    today = timezone.localdate()
    by_id = {s.pk: s for s in Structure.objects.all()}
    public = Project.objects.published().filter(in_language_en=True)
    rows = [(p, facts(p, today, by_id)) for p in public]
    first, last = years

    def runs(project):
        return (first is None or project.end_date.year >= first) and (
            last is None or project.start_date.year <= last
        )

    def matches(known, skip=None):
        return all(known[name] & set(values) for name, values in filters.items() if name != skip)

    results = {p.slug for p, known in rows if runs(p) and matches(known)}
    counts = {}
    for facet in FACETS:
        counts[facet] = {}
        for p, known in rows:
            if runs(p) and matches(known, skip=facet):
                for option in known[facet]:
                    counts[facet][option] = counts[facet].get(option, 0) + 1
    return results, counts


def brute_force_additions(filters):
    """{facet: {option: results ticking it would add}} for the facets with a ticked option:
    the projects the other filters keep, the facet's own ticked options do not, and the
    option takes in."""
    today = timezone.localdate()
    by_id = {s.pk: s for s in Structure.objects.all()}
    rows = [facts(p, today, by_id) for p in Project.objects.published().filter(in_language_en=True)]
    additions = {}
    for facet, ticked in filters.items():
        additions[facet] = {}
        for known in rows:
            others = all(known[n] & set(v) for n, v in filters.items() if n != facet)
            if others and not known[facet] & set(ticked):
                for option in known[facet]:
                    additions[facet][option] = additions[facet].get(option, 0) + 1
    return additions


COMBINATIONS = [
    {},
    {"field_of_work": ["policing"]},
    {"implemented_by": ["secretariat"]},
    {"implemented_by": ["tntd"], "donor": ["germany"]},
    {"donor": ["norway", "european-union"], "country": ["serbia"]},
    {"status": ["ongoing"]},
    {"status": ["planned", "completed"], "field_of_work": ["policing"]},
    {"funding": ["unified-budget"], "implemented_by": ["secretariat"]},
    {"country": ["moldova"], "field_of_work": ["gender-equality", "policing"]},
]


@pytest.mark.parametrize("filters", COMBINATIONS)
def test_results_and_counts_equal_a_brute_force_computation(world, filters):
    query = QueryDict(mutable=True)
    for name, values in filters.items():
        query.setlist(name, values)
    filterset = ProjectFilter(query)
    expected, expected_counts = brute_force(filters)
    found = set(
        Project.objects.filter(pk__in=filterset.results.ids(0, 100)).values_list("slug", flat=True)
    )
    assert found == expected
    assert filterset.results.count() == len(expected)
    expected_additions = brute_force_additions(filters)
    for facet in filterset.facets():
        got = {option.value: option.count for option in facet.options if option.count}
        assert got == expected_counts[facet.name], facet.name
        if facet.name in filters:
            added = {option.value: option.added for option in facet.options if option.added}
            assert added == expected_additions[facet.name], facet.name
        else:
            assert all(option.added is None for option in facet.options), facet.name


@pytest.mark.parametrize(
    ("years", "filters"),
    [
        ((2019, 2019), {}),
        ((None, 2016), {"field_of_work": ["policing"]}),
        ((2030, None), {}),
        ((None, None), {"donor": ["germany"]}),
    ],
)
def test_a_project_counts_in_every_year_it_runs(world, years, filters):
    today = timezone.localdate()
    # The world's dates are relative to today: ask for years relative to it too.
    shift = {2019: today.year - 2, 2016: today.year - 7, 2030: today.year + 1}
    years = tuple(shift.get(year, year) for year in years)
    query = QueryDict(mutable=True)
    for name, values in filters.items():
        query.setlist(name, values)
    if years[0]:
        query["year_from"] = str(years[0])
    if years[1]:
        query["year_to"] = str(years[1])
    filterset = ProjectFilter(query)
    expected, expected_counts = brute_force(filters, years)
    found = set(
        Project.objects.filter(pk__in=filterset.results.ids(0, 100)).values_list("slug", flat=True)
    )
    assert found == expected
    for facet in filterset.facets():
        got = {option.value: option.count for option in facet.options if option.count}
        assert got == expected_counts[facet.name], facet.name


def test_year_range_includes_every_year_a_project_runs(world):
    ilp_years = range(world.ilp.start_date.year, world.ilp.end_date.year + 1)
    for year in ilp_years:
        filterset = ProjectFilter(QueryDict(f"year_from={year}&year_to={year}"))
        assert world.ilp.pk in filterset.results.ids(0, 50), year
    before = world.ilp.start_date.year - 1
    assert world.ilp.pk not in ProjectFilter(QueryDict(f"year_to={before}")).results.ids(0, 50)
    after = world.ilp.end_date.year + 1
    assert world.ilp.pk not in ProjectFilter(QueryDict(f"year_from={after}")).results.ids(0, 50)


class TestFigures:
    def figures(self, query=""):
        return ProjectFilter(QueryDict(query)).figures()

    def test_the_whole_listing_counts_only_published_projects(self, world):
        figures = self.figures()
        assert figures.projects == 4
        assert figures.budget == Decimal("1250000.00") + Decimal("400000.50") + Decimal("99.99")
        assert figures.without_budget == 1
        donors = {row.label: (row.budget, row.projects) for row in figures.by_donor}
        # The draft, the scheduled and the Russian-only project (all funded by Norway) count
        # nowhere.
        assert donors == {
            "Norway": (Decimal("1250000.00"), 1),
            "Germany": (Decimal("1250000.00"), 2),
            "European Union": (Decimal("400000.50"), 2),
        }
        fields = {row.label: (row.budget, row.projects) for row in figures.by_field}
        assert fields == {
            "Policing": (Decimal("1650000.50"), 3),
            "Border management": (Decimal("400000.50"), 1),
            "Gender equality": (0, 1),
        }

    def test_figures_follow_the_filters_exactly(self, world):
        figures = self.figures("implemented_by=secretariat&status=ongoing")
        assert figures.projects == 2  # ILP (by two units, counted once) and core support
        assert figures.budget == Decimal("1250099.99")
        # Equal budgets: the donor of more projects first, then by name.
        assert [(row.label, row.budget) for row in figures.by_donor] == [
            ("Germany", Decimal("1250000.00")),
            ("Norway", Decimal("1250000.00")),
        ]

    def test_figures_for_nothing(self, world):
        figures = self.figures("country=serbia&funding=unified-budget")
        assert figures.projects == 0
        assert figures.budget is None
        assert figures.by_donor == [] and figures.by_field == []

    def test_the_page_shows_the_figures(self, client, world):
        html = client.get("/projects/?donor=germany").text
        assert "Figures for these projects" in html
        assert "EUR 1,250,000" in html
        assert "Draft project" not in html and "5,000,000" not in html


class TestPage:
    def test_lists_published_projects_in_english_latest_start_first(self, client, world):
        response = client.get("/projects/")
        assert response.status_code == 200
        assert listed(response) == ["women-in-policing", "core-support", "ilp", "border-security"]

    def test_counts_next_to_every_option(self, client, world):
        html = client.get("/projects/?field_of_work=policing").text
        # ILP (by two of its units, counted once) and the TNTD's planned project.
        assert option_count(html, "implemented_by", "secretariat") == 2
        assert option_count(html, "implemented_by", "mission-to-serbia") == 1
        assert option_count(html, "donor", "norway") == 1
        assert option_count(html, "status", "ongoing") == 1  # ILP; the others are not
        assert option_count(html, "funding", "unified-budget") == 1  # core support has no field

    def test_russian_readers_see_the_russian_project_only(self, client, world):
        response = client.get("/ru/projects/")
        assert listed(response) == ["russian-only"]

    def test_unknown_values_are_dropped_with_a_notice_and_canonical_query(self, client, world):
        response = client.get("/projects/?donor=atlantis&donor=norway&colour=red&year_from=abc")
        assert response.status_code == 200
        html = response.text
        assert "We ignored an unknown donor: “atlantis”." in html
        assert "We ignored the first year “abc”" in html
        canonical = response.context["canonical_url"]
        assert canonical.endswith("/projects/?donor=norway")
        assert f'<link rel="canonical" href="{canonical}">' in html
        assert response.context["canonical_query"].urlencode() == "donor=norway"
        assert listed(response) == ["ilp"]

    def test_reversed_years_are_swapped(self, client, world):
        response = client.get("/projects/?year_from=2030&year_to=2010")
        assert response.context["filter_query"].urlencode() == "year_from=2010&year_to=2030"
        assert "so we swapped them" in response.text

    def test_several_values_are_noindex(self, client, world):
        assert 'content="noindex"' in client.get("/projects/?donor=norway&donor=germany").text
        assert 'content="noindex"' not in client.get("/projects/?donor=norway").text

    def test_page_past_the_end_is_404(self, client, world):
        assert client.get("/projects/?page=3").status_code == 404

    def test_query_count_is_pinned(self, client, world, django_assert_max_num_queries):
        url = "/projects/?field_of_work=policing&implemented_by=secretariat&year_from=2000"
        # The next scheduled change (five models) and the menu (five) with its simple pages
        # and the footer's, once per state; the options (four, once per base state); the count
        # and the ids; the cards' rows (two); six facet counts, one "+N" count per facet with a
        # ticked option (two), the figures (three) and the documents' rows while the panel is not
        # cached: 30, whatever the number of projects.
        with django_assert_max_num_queries(30):
            client.get(url)
        for n in range(10):
            ProjectFactory(slug=f"more-{n}", implemented_by=[world.spmu])
        with django_assert_max_num_queries(30):
            client.get(url + "&sort=oldest")
        # The same page again: the panel, figures and cards come from the cache.
        with django_assert_max_num_queries(2):
            client.get(url + "&sort=oldest")


class TestChangesShowAtOnce:
    def test_a_publish_shows_at_the_next_request(self, client, world):
        draft = Project.objects.get(slug="draft-project")
        assert "draft-project" not in listed(client.get("/projects/"))
        services.publish(draft)
        response = client.get("/projects/")
        assert "draft-project" in listed(response)
        assert option_count(response.text, "donor", "norway") == 2

    def test_an_edit_of_the_dates_moves_the_status_counts(self, client, world):
        assert option_count(client.get("/projects/").text, "status", "planned") == 1
        world.ilp.start_date = timezone.localdate() + datetime.timedelta(days=10)
        world.ilp.save()
        assert option_count(client.get("/projects/").text, "status", "planned") == 2

    @pytest.mark.django_db(transaction=True)
    def test_a_title_edit_shows_at_once_and_keeps_the_listing_state(self, client, world):
        client.get("/projects/")
        client.get("/projects/ilp/")
        listing = listing_state()
        world.ilp.title = "Intelligence-led Policing, second phase"
        world.ilp.save()
        assert "Intelligence-led Policing, second phase" in client.get("/projects/").text
        assert "Intelligence-led Policing, second phase" in client.get("/projects/ilp/").text
        # A text edit moves the pages and the project's card, not the panel and counts.
        assert listing_state() == listing

    def test_an_unpublish_takes_the_project_out_of_the_figures(self, client, world):
        services.unpublish(world.ilp)
        html = client.get("/projects/").text
        assert "ilp" not in listed(client.get("/projects/"))
        assert "1,250,000" not in html
