"""Facet counts: the number next to each option is the number of results that option gives
combined with the other facets' active filters."""

import pytest
from django.http import QueryDict

from news.listing.filterset import NewsFilter

QUERIES = [
    "",
    "field_of_work=policing",
    "field_of_work=policing&field_of_work=elections",
    "country=serbia&type=news&type=spot-report",
    "issued_by=secretariat",
    "issued_by=odihr&field_of_work=policing",
    "date_from=2020-01-01&date_to=2020-12-31&country=albania",
    "issued_by=spmu&issued_by=cpc",
]


def listing(client, query):
    response = client.get(f"/news/?{query}")
    assert response.status_code == 200
    return response.context


def with_only(query, facet, value):
    params = QueryDict(query, mutable=True)
    params.setlist(facet, [value])
    return params.urlencode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
def test_every_displayed_count_equals_the_results_of_choosing_that_option(client, world, query):
    context = listing(client, query)
    checked = 0
    for facet in context["facets"]:
        for option in facet.visible_options:
            result = listing(client, with_only(query, facet.name, option.value))
            assert result["total"] == option.count, (facet.name, option.value)
            assert len(result["items"]) == option.count
            checked += 1
    assert checked


@pytest.mark.django_db
def test_jointly_issued_item_counts_once_for_the_common_parent(world):
    facets = {facet.name: facet for facet in NewsFilter(QueryDict("")).facets()}
    counts = {option.value: option.count for option in facets["issued_by"].options}
    # c (SPMU + CPC), d (Secretariat), e (TNTD + ODIHR): three items, not four.
    assert counts["secretariat"] == 3
    assert counts["tntd"] == 2
    assert counts["odihr"] == 2


@pytest.mark.django_db
def test_counts_ignore_the_counted_facets_own_selection(world):
    facets = {f.name: f for f in NewsFilter(QueryDict("country=serbia")).facets()}
    countries = {option.value: option.count for option in facets["country"].options}
    fields = {option.value: option.count for option in facets["field_of_work"].options}
    assert countries == {"albania": 2, "serbia": 3, "malta": 0}
    assert fields["policing"] == 2  # a and e are policing and tagged Serbia


@pytest.mark.django_db
def test_hidden_items_are_not_counted(world):
    facets = {facet.name: facet for facet in NewsFilter(QueryDict("")).facets()}
    counts = {option.value: option.count for option in facets["issued_by"].options}
    # The draft, scheduled and expired items are all by the Mission to Serbia.
    assert counts["mission-to-serbia"] == 1


@pytest.mark.django_db
def test_options_without_results_are_hidden_unless_selected(world):
    facets = {f.name: f for f in NewsFilter(QueryDict("country=malta")).facets()}
    visible = [option.value for option in facets["country"].visible_options]
    assert "malta" in visible
    facets = {f.name: f for f in NewsFilter(QueryDict("")).facets()}
    assert "malta" not in [option.value for option in facets["country"].visible_options]
    assert "cyber-security" not in [o.value for o in facets["field_of_work"].visible_options]


@pytest.mark.django_db
def test_structures_are_offered_as_a_tree(world):
    facets = {facet.name: facet for facet in NewsFilter(QueryDict("")).facets()}
    order = [(option.value, option.depth) for option in facets["issued_by"].options]
    assert order.index(("secretariat", 0)) < order.index(("tntd", 1)) < order.index(("spmu", 2))


@pytest.mark.django_db
def test_selected_options_of_flat_facets_come_first(world):
    facets = {f.name: f for f in NewsFilter(QueryDict("country=serbia")).facets()}
    assert [option.value for option in facets["country"].visible_options][0] == "serbia"


@pytest.mark.django_db
def test_a_ticked_group_offers_the_others_as_what_they_would_add(client, world):
    html = client.get("/news/?country=serbia").text
    # Serbia: a, b, e. Albania's items are c and e; ticking it adds c only.
    assert (
        '<label for="facet-country-albania">Albania <span class="facet__count facet__count--more">'
        '+1<span class="visually-hidden"> more result</span></span></label>'
    ) in html
    # The ticked option keeps its own count; other facets keep plain counts.
    assert (
        '<label for="facet-country-serbia">Serbia <span class="facet__count">3'
        '<span class="visually-hidden"> results</span>'
    ) in html
    assert '<label for="facet-type-news">News <span class="facet__count">' in html
    assert "“+N” is how many more results ticking it would add" in html


@pytest.mark.django_db
def test_units_of_a_ticked_structure_are_shown_included(client, world):
    html = client.get("/news/?issued_by=tntd").text
    assert (
        'id="facet-issued_by-spmu" name="issued_by" value="spmu" checked disabled>'
        '<label for="facet-issued_by-spmu">Strategic Police Matters Unit '
        '<span class="facet__included">included in Transnational Threats Department</span>'
    ) in html
    # The TNTD with its unit gives c and e; the whole Secretariat would add d only.
    assert (
        '<label for="facet-issued_by-secretariat">Secretariat '
        '<span class="facet__count facet__count--more">+1<'
    ) in html
    # ODIHR's b is new (e is the TNTD's already).
    assert (
        'for="facet-issued_by-odihr">Office for Democratic Institutions and Human Rights '
        '<span class="facet__count facet__count--more">+1<'
    ) in html
    # A disabled box is never sent: submitting the form keeps the one ticked structure.
    assert html.count('name="issued_by" value="tntd" checked>') == 1
