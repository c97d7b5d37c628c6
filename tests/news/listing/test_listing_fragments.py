"""The news listing's cached fragments (news.views.listing): the filter panel, kept per content
state, language and active filters, and the cards, kept per item, state and language. Both
are served without the page cache, and neither may ever show something out of date or in
another language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.publishing import Status
from news.models import NewsItem
from tests.factories import CountryFactory, FieldOfWorkFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    policing = FieldOfWorkFactory(slug="policing", name="Policing")
    serbia = CountryFactory(slug="serbia", name="Serbia")
    austria = CountryFactory(slug="austria", name="Austria")
    for n in range(45):
        NewsItemFactory(
            title=f"Story {n}",
            fields_of_work=[policing],
            countries=[serbia if n % 3 else austria],
        )
    return {"policing": policing, "serbia": serbia, "austria": austria}


def panel_rendered(response):
    """Whether this response rendered the filter panel (counting its facets) rather than
    reusing a stored one: the test client lists every template a response rendered."""
    return "includes/filter_panel.html" in [template.name for template in response.templates]


def panel(html):
    start = html.index('<form class="filter-panel"')
    return html[start : html.index("</form>", start)]


def option_count(html, facet, value):
    found = re.search(
        rf'<label for="facet-{facet}-{value}">[^<]*<span class="facet__count">([\d,]+)<', html
    )
    return int(found.group(1).replace(",", "")) if found else None


class TestFilterPanel:
    def test_every_page_of_a_filtered_listing_shares_one_panel(self, client, site):
        first = client.get("/news/?country=serbia")
        second = client.get("/news/?page=2&country=serbia")
        assert panel_rendered(first) and not panel_rendered(second)
        assert panel(second.text) == panel(first.text)

    def test_other_filters_or_another_sort_get_their_own_panel(self, client, site):
        responses = [
            client.get("/news/?country=serbia"),
            client.get("/news/?country=austria"),
            client.get("/news/?country=austria&sort=oldest"),
        ]
        assert all(panel_rendered(response) for response in responses)
        serbia, austria, oldest = (response.text for response in responses)
        assert 'id="facet-country-serbia" name="country" value="serbia" checked' in serbia
        assert 'value="austria" checked' in austria and 'value="serbia" checked' not in austria
        assert '<option value="oldest" selected>' in oldest

    def test_a_publish_changes_the_counts_at_the_next_request(self, client, site):
        assert option_count(client.get("/news/").text, "country", "austria") == 15
        NewsItemFactory(title="Fresh from Vienna", countries=[site["austria"]])
        html = client.get("/news/").text
        assert option_count(html, "country", "austria") == 16
        assert "Fresh from Vienna" in html

    def test_an_unpublish_and_a_rename_show_at_the_next_request(self, client, site):
        client.get("/news/?field_of_work=policing")
        item = NewsItem.objects.filter(countries=site["austria"]).first()
        item.status = Status.DRAFT
        item.save()
        site["policing"].name = "Policing and borders"
        site["policing"].save()
        html = panel(client.get("/news/?field_of_work=policing").text)
        assert "Policing and borders" in html
        assert option_count(html, "country", "austria") == 14

    def test_each_language_gets_its_own_panel(self, client, site):
        english = panel(client.get("/news/").text)
        russian = panel(client.get("/ru/news/").text)
        assert "Filter news" in english and "Filter news" not in russian
        assert "Фильтр новостей" in russian
        assert 'action="/ru/news/"' in russian
        assert panel(client.get("/news/").text) == english

    def test_option_labels_and_values_are_escaped(self, client, site):
        NewsItemFactory(fields_of_work=[FieldOfWorkFactory(slug="odd", name='<b>Bold</b> & "q"')])
        html = panel(client.get("/news/").text)
        assert "<b>Bold</b>" not in html
        assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;q&quot;" in html

    def test_the_facets_are_still_in_the_context(self, client, site):
        client.get("/news/")
        facets = {facet.name: facet for facet in client.get("/news/").context["facets"]}
        assert {o.value: o.count for o in facets["country"].options}["austria"] == 15


class TestCards:
    def test_a_page_whose_cards_are_cached_loads_no_rows(self, client, site):
        with CaptureQueriesContext(connection) as first:
            client.get("/news/?country=serbia")
        with CaptureQueriesContext(connection) as second:
            html = client.get("/news/?country=serbia").text
        rows = [q for q in second.captured_queries if '"news_newsitem"."teaser' in q["sql"]]
        assert rows == []
        assert len(second.captured_queries) < len(first.captured_queries)
        assert html.count('<article class="card news-card') == 20

    def test_an_edit_shows_on_the_next_listing(self, client, site):
        client.get("/news/")
        item = NewsItem.objects.filter(countries=site["austria"]).order_by("-id").first()
        item.title = "Renamed in the newsroom"
        item.save()
        assert "Renamed in the newsroom" in client.get("/news/").text

    def test_cards_are_kept_per_language(self, client, site):
        NewsItemFactory(title="English title", title_ru="Русский заголовок", in_language_ru=True)
        assert "English title" in client.get("/news/").text
        russian = client.get("/ru/news/").text
        assert "Русский заголовок" in russian and "English title" not in russian

    def test_a_searchs_cards_carry_its_highlights_and_no_other(self, client, site):
        NewsItemFactory(title="Trafficking investigators trained")
        first = client.get("/news/?q=trafficking").text
        assert "<mark>Trafficking</mark>" in first
        assert client.get("/news/?q=trafficking").text == first
        assert "<mark>Trafficking</mark>" not in client.get("/news/?q=investigators").text
        assert "<mark>" not in client.get("/news/").text
