"""A field operation's page shows its profile; its figures as CSV and JSON."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from field_operations.models import Figures, Office
from tests.factories import FiguresFactory

pytestmark = pytest.mark.django_db


def test_the_profile_on_the_field_operations_page(client, operations):
    html = client.get("/structures/mission-to-serbia/").content.decode()
    assert '<h2 id="fo-profile-heading">Profile</h2>' in html
    assert "<p>Assists Serbia in democratization.</p>" in html
    assert '<a href="/documents/symbol/PC.DEC/401/">PC.DEC/401</a>' in html
    assert "Jane Example, Head of Mission" in html and "since 1 March 2023" in html
    # The head office first, whatever its position.
    assert html.index("Belgrade") < html.index("Novi Pazar")
    assert '<caption id="fo-figures-caption">Figures by year</caption>' in html
    assert html.count('<th scope="row">202') == 2
    assert "EUR 21,500,000" in html
    assert '<a href="/documents/symbol/PC.ACMF/12/24/">PC.ACMF/12/24</a>' in html
    assert 'href="/structures/mission-to-serbia/figures.csv"' in html


def test_the_profile_in_another_language_falls_back_with_its_language_marked(client, operations):
    html = client.get("/de/structures/mission-to-serbia/").content.decode()
    assert '<div class="prose"><p>Unterstützt Serbien.</p></div>' in html
    assert 'href="/de/documents/symbol/PC.DEC/401/"' in html
    html = client.get("/fr/structures/mission-to-serbia/").content.decode()
    assert '<div class="prose" lang="en"><p>Assists Serbia in democratization.</p></div>' in html


def test_no_profile_block_where_there_is_none(client, operations):
    assert "fo-profile" not in client.get("/structures/centre-in-nowhere/").content.decode()
    assert "fo-profile" not in client.get("/structures/field-operations-group/").content.decode()


def test_figures_as_csv(client, operations):
    response = client.get("/structures/mission-to-serbia/figures.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="mission-to-serbia-figures.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == [
        "year",
        "budget_eur",
        "staff_international",
        "staff_local",
        "staff_total",
        "as_of",
        "source_symbol",
        "source_url",
    ]
    assert rows[1:] == [
        ["2023", "20000000.00", "10", "40", "50", "2023-12-31", "PC.DEC/1162", ""],
        ["2024", "21500000.50", "10", "20", "30", "2024-12-31", "PC.ACMF/12/24", ""],
    ]


def test_figures_as_json_with_unknown_values_as_null(client, operations):
    response = client.get("/structures/mission-to-croatia/figures.json")
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["field_operation"] == {
        "name": "Mission to Croatia",
        "slug": "mission-to-croatia",
        "url": "https://www.example.org/structures/mission-to-croatia/",
        "closed": True,
    }
    assert data["columns"][0] == "year"
    assert data["figures"] == [
        {
            "year": 2024,
            "budget_eur": "9000000.00",
            "staff_international": 10,
            "staff_local": 100,
            "staff_total": 110,
            "as_of": "2024-12-31",
            "source_symbol": "PC.DEC/1162",
            "source_url": "",
        }
    ]


def test_figures_of_an_operation_without_any_are_an_empty_table(client, operations):
    assert client.get("/structures/centre-in-nowhere/figures.json").json()["figures"] == []
    body = client.get("/structures/centre-in-nowhere/figures.csv").content.decode()
    assert body.startswith("year,budget_eur") and body.count("\r\n") == 1


@pytest.mark.parametrize(
    "path",
    [
        "/structures/field-operations-group/figures.csv",
        "/structures/field-operations-group/figures.json",
        "/structures/no-such-thing/figures.csv",
        "/ru/structures/no-such-thing/figures.json",
    ],
)
def test_figures_of_anything_but_a_field_operation_are_not_found(client, operations, path):
    assert client.get(path).status_code == 404


def test_the_names_follow_the_language_of_the_address(client, operations):
    operations.mission.name_ru = "Миссия в Сербии"
    operations.mission.save()
    data = client.get("/ru/structures/mission-to-serbia/figures.json").json()
    assert data["field_operation"]["name"] == "Миссия в Сербии"
    assert data["field_operation"]["url"].endswith("/ru/structures/mission-to-serbia/")


class TestPageCache:
    @pytest.fixture(autouse=True)
    def _page_cache(self, settings):
        settings.PAGE_CACHE = True

    @pytest.mark.parametrize(
        "path",
        [
            "/structures/mission-to-serbia/figures.csv",
            "/structures/mission-to-serbia/figures.json",
            "/structures/mission-to-serbia/",
            "/field-operations/",
        ],
    )
    def test_an_edited_figure_is_served_at_the_next_request(self, client, operations, path):
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "HIT"
        row = Figures.objects.get(profile=operations.profile, year=2024)
        row.budget = 777
        row.save()
        response = client.get(path)
        assert response["X-Page-Cache"] == "MISS"
        assert "777" in response.content.decode()

    def test_a_changed_mandate_moves_the_page(self, client, operations):
        client.get("/structures/mission-to-serbia/")
        operations.profile.mandate_en = "<p>A new mandate.</p>"
        with translation.override("en"):
            operations.profile.save()
        assert "A new mandate." in client.get("/structures/mission-to-serbia/").content.decode()


def test_the_files_at_an_old_slug_redirect_to_the_current_one(client, operations):
    operations.mission.slug = "mission-to-serbia-renamed"
    operations.mission.save()
    response = client.get("/ru/structures/mission-to-serbia/figures.csv")
    assert (response.status_code, response["Location"]) == (
        301,
        "/ru/structures/mission-to-serbia-renamed/figures.csv",
    )
    response = client.get("/structures/mission-to-serbia/figures.json")
    assert response["Location"] == "/structures/mission-to-serbia-renamed/figures.json"
    # A body that is not a field operation, renamed, still has no figures.
    operations.group.slug = "renamed-group"
    operations.group.save()
    assert client.get("/structures/field-operations-group/figures.csv").status_code == 404


def test_the_comparison_is_in_the_sitemap(client, operations):
    body = client.get("/sitemap-pages.xml").content.decode()
    assert "https://www.example.org/field-operations/" in body


def test_the_profile_costs_the_same_queries_however_many_offices_and_years(client, operations):
    client.get("/structures/mission-to-serbia/")  # menu and state cached after

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/structures/mission-to-serbia/")
        return len(queries)

    before = count()
    for year in range(2010, 2020):
        FiguresFactory(profile=operations.profile, year=year)
    for position in range(2, 8):
        Office.objects.create(
            profile=operations.profile,
            city=f"City {position}",
            country=operations.mission.host_country,
        )
    client.get("/structures/mission-to-serbia/")
    assert count() == before
