"""`/field-operations/`: every field operation for one year, sorted by name, budget or staff,
with the listings' URL rules (unknown values dropped with a notice, a canonical link)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def names_in_order(html):
    return re.findall(r'<th scope="row"><a href="/[a-z/-]*structures/[a-z-]+/">([^<]+)</a>', html)


def page(client, query=""):
    response = client.get(f"/field-operations/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_all_field_operations_by_name_for_the_latest_year(client, operations):
    html = page(client)
    assert names_in_order(html) == [
        "Centre in Nowhere",
        "Mission to Croatia",
        "Mission to Serbia",
        "Presence in Albania",
    ]
    assert "Field operations in 2024</caption>" in html
    assert '<th scope="col" aria-sort="ascending">Field operation' in html
    assert '<link rel="canonical" href="https://www.example.org/field-operations/">' in html


def test_sorted_by_budget_then_by_staff_largest_first_unknown_last(client, operations):
    html = page(client, "?year=2024&sort=budget")
    assert names_in_order(html) == [
        "Mission to Serbia",
        "Mission to Croatia",
        "Presence in Albania",
        "Centre in Nowhere",
    ]
    assert re.search(r'<th scope="col" class="num" aria-sort="descending">Unified budget', html)
    assert html.count("aria-sort=") == 1
    html = page(client, "?year=2024&sort=staff")
    assert names_in_order(html) == [
        "Presence in Albania",
        "Mission to Croatia",
        "Mission to Serbia",
        "Centre in Nowhere",
    ]


def test_another_year_shows_that_years_figures(client, operations):
    html = page(client, "?year=2023&sort=budget")
    assert "Field operations in 2023</caption>" in html
    assert names_in_order(html)[0] == "Mission to Serbia"
    assert "EUR 20,000,000" in html and "EUR 21,500,000" not in html


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", ["Centre in Nowhere", "Mission to Serbia", "Presence in Albania"]),
        ("closed", ["Mission to Croatia"]),
    ],
)
def test_open_or_closed(client, operations, status, expected):
    assert names_in_order(page(client, f"?status={status}")) == expected


def test_unknown_values_are_dropped_with_a_notice_and_the_canonical_names_the_rest(
    client, operations
):
    html = page(client, "?sort=height&year=1850&status=open&x=1")
    assert "There are no figures for the year “1850”: showing 2024." in html
    assert "The sort order “height” is not one we know: sorted by name." in html
    assert names_in_order(html)[0] == "Centre in Nowhere"
    assert (
        '<link rel="canonical" href="https://www.example.org/field-operations/?status=open">'
        in html
    )


def test_the_canonical_link_has_a_fixed_order(client, operations):
    html = page(client, "?sort=staff&year=2023&status=closed")
    assert (
        '<link rel="canonical" href="https://www.example.org/field-operations/'
        '?status=closed&amp;year=2023&amp;sort=staff">' in html
    )


@pytest.mark.parametrize("value", ["9" * 40, "２０２４", "-1", "2024.0", "\x00"])
def test_odd_years_never_fail(client, operations, value):
    html = page(client, f"?year={value}")
    assert "Field operations in 2024</caption>" in html


def test_the_page_is_in_every_language(client, operations):
    for prefix, caption in [
        ("/de", "Feldoperationen im Jahr 2024"),
        ("/fr", "Opérations de terrain en 2024"),
        ("/ru", "Операции на местах в 2024 году"),
        ("/es", "Operaciones sobre el terreno en 2024"),
        ("/it", "Operazioni sul terreno nel 2024"),
    ]:
        assert caption in client.get(f"{prefix}/field-operations/").content.decode()


def test_a_fixed_number_of_queries(client, operations):
    client.get("/field-operations/")  # the menu and the content state, cached after
    with CaptureQueriesContext(connection) as queries:
        client.get("/field-operations/?sort=budget")
    assert len(queries) <= 4, [q["sql"] for q in queries]


def test_the_main_navigation_leads_here(client, operations):
    html = page(client)
    assert '<p class="nav-heading"><a href="/field-operations/">Field operations</a></p>' in html
    # The seed's menu keeps its open field operations.
    assert '<li><a href="/structures/mission-to-serbia/">Mission to Serbia</a></li>' in html


def test_without_any_figures_the_page_says_so(client, db):
    assert "There are no figures yet." in page(client, "?year=2024")
