"""`/news/`: what the listing page shows and how it answers bad input."""

import datetime
import re

import pytest
from django.http import QueryDict

from tests.factories import CountryFactory, FieldOfWorkFactory, NewsItemFactory, StructureFactory

from .conftest import HIDDEN

pytestmark = pytest.mark.django_db


def listed(response):
    """The slugs of the cards the page shows, in order."""
    return re.findall(r'class="news-card__title"><a href="/news/([^/"]+)/"', response.text)


@pytest.fixture
def many(db):
    """45 items: three pages of 20."""
    field = FieldOfWorkFactory(slug="policing", name="Policing")
    country = CountryFactory(slug="serbia", name="Serbia")
    structure = StructureFactory(slug="mission", name="Mission")
    start = datetime.date(2020, 1, 1)
    return [
        NewsItemFactory(
            slug=f"item-{n:02d}",
            issued_on=start + datetime.timedelta(days=n),
            fields_of_work=[field],
            countries=[country],
            issued_by=[structure],
        )
        for n in range(45)
    ]


class TestPage:
    def test_lists_public_items_with_their_count(self, client, world):
        response = client.get("/news/")
        assert response.status_code == 200
        assert listed(response) == ["d", "c", "b", "a", "e"]
        assert not set(listed(response)) & HIDDEN
        assert "5 news items" in response.text

    def test_cards_link_to_items_and_show_their_metadata(self, client, world):
        text = client.get("/news/?issued_by=mission-to-serbia").text
        assert 'href="/news/a/"' in text
        assert "1 January 2020" in text
        assert "Mission to Serbia" in text
        assert "Press release" in text

    def test_summary_sentence_names_each_filter_with_a_link_removing_it(self, client, world):
        response = client.get(
            "/news/?field_of_work=policing&field_of_work=elections&country=serbia"
            "&date_from=2019-01-01&date_to=2020-12-31"
        )
        text = re.sub(r"\s+", " ", response.text)
        assert "3 news items</strong> in" in text
        summary = response.context["summary"]
        urls = {term.label: term.url for part in summary for term in part.terms}
        assert urls["Policing"] == (
            "/news/?field_of_work=elections&country=serbia&date_from=2019-01-01&date_to=2020-12-31"
        )
        assert urls["Serbia"] == (
            "/news/?field_of_work=policing&field_of_work=elections"
            "&date_from=2019-01-01&date_to=2020-12-31"
        )
        assert urls["1 Jan 2019"].endswith("date_to=2020-12-31")
        assert "between" in text and "Clear all" in text

    def test_links_to_the_feed_with_the_same_filters(self, client, world):
        text = client.get("/news/?country=serbia&country=nowhere&utm=1").text
        assert (
            '<link rel="alternate" type="application/atom+xml" title="OSCE news: Serbia" '
            'href="/news/feed/?country=serbia">'
        ) in text
        assert 'class="news-listing__subscribe" href="/news/feed/?country=serbia"' in text

    def test_empty_result_says_so(self, client, world):
        response = client.get("/news/?country=albania&type=press-release")
        assert response.status_code == 200
        assert response.context["total"] == 0
        assert "No news items match these filters." in response.text

    def test_filter_form_is_a_get_form_with_every_facet(self, client, world):
        text = client.get("/news/").text
        assert '<form class="filter-panel" method="get" action="/news/"' in text
        for name in ("field_of_work", "country", "issued_by", "type"):
            assert f'name="{name}"' in text
        assert 'name="date_from"' in text and 'name="date_to"' in text
        assert '<select id="filter-sort" name="sort">' in text


class TestPagination:
    def test_twenty_per_page_with_numbered_links_keeping_filters(self, client, many):
        response = client.get("/news/?field_of_work=policing&page=2")
        assert len(response.context["items"]) == 20
        assert listed(response)[0] == "item-24"
        text = response.text
        assert 'href="?field_of_work=policing&amp;page=3"' in text
        assert 'href="?field_of_work=policing"' in text  # page 1 without page=1
        assert 'aria-current="page"' in text

    def test_last_page_holds_the_rest(self, client, many):
        assert len(client.get("/news/?page=3").context["items"]) == 5

    @pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "1.5", "99999999999999999999"])
    def test_page_out_of_range_or_not_a_number_is_404(self, client, many, page):
        assert client.get(f"/news/?page={page}").status_code == 404

    def test_page_one_of_an_empty_result_is_200(self, client, many):
        assert client.get("/news/?country=nowhere").status_code == 200
        assert client.get("/news/?date_from=2030-01-01").status_code == 200

    def test_page_two_of_an_empty_result_is_404(self, client, many):
        assert client.get("/news/?date_from=2030-01-01&page=2").status_code == 404


class TestBadInput:
    def test_unknown_slug_is_dropped_with_a_visible_notice(self, client, world):
        response = client.get("/news/?country=xyz")
        assert response.status_code == 200
        assert "We ignored an unknown country: “xyz”." in response.text
        assert response.context["total"] == 5

    def test_malformed_date_gets_a_message(self, client, world):
        response = client.get("/news/?date_to=31.12.2020")
        assert response.status_code == 200
        assert "We ignored the end date “31.12.2020”" in response.text

    def test_reversed_date_range_gets_a_message_and_is_swapped(self, client, world):
        response = client.get("/news/?date_from=2020-12-31&date_to=2020-01-01")
        assert response.status_code == 200
        assert "so we swapped them" in response.text
        assert set(listed(response)) == {"a", "b", "c"}

    def test_repeated_and_unknown_parameters_are_harmless(self, client, world):
        response = client.get("/news/?country=serbia&country=serbia&page=1&page=1&x=1&x=2")
        assert response.status_code == 200
        assert set(listed(response)) == {"a", "b", "e"}

    def test_sort_outside_the_allowlist_falls_back_to_newest(self, client, world):
        response = client.get("/news/?sort=-title")
        assert response.status_code == 200
        assert listed(response) == ["d", "c", "b", "a", "e"]
        assert "We ignored an unknown sort order" in response.text

    def test_html_in_parameters_is_escaped(self, client, world):
        payload = '"><script>alert(1)</script>'
        response = client.get("/news/", {"country": payload, "q": payload, "date_from": payload})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text

    def test_control_characters_and_huge_values_are_harmless(self, client, world):
        response = client.get("/news/", {"q": "\x00\x01" + "a" * 5000, "type": "x" * 5000})
        assert response.status_code == 200


class TestRobotsAndCanonical:
    def test_unfiltered_listing_is_indexable_with_a_plain_canonical(self, client, world):
        response = client.get("/news/?utm_source=newsletter")
        assert 'name="robots"' not in response.text
        assert '<link rel="canonical" href="https://www.example.org/news/">' in response.text

    def test_one_filter_value_is_indexable_with_its_canonical(self, client, world):
        response = client.get("/news/?sort=newest&country=serbia&country=nowhere")
        assert 'name="robots"' not in response.text
        assert (
            '<link rel="canonical" href="https://www.example.org/news/?country=serbia">'
            in response.text
        )

    def test_more_than_one_filter_value_is_noindex(self, client, world):
        for query in ("country=serbia&country=albania", "country=serbia&type=news"):
            response = client.get(f"/news/?{query}")
            assert '<meta name="robots" content="noindex">' in response.text

    def test_canonical_of_a_later_page_names_the_page(self, client, many):
        response = client.get("/news/?page=2&field_of_work=policing")
        assert (
            '<link rel="canonical" href="https://www.example.org/news/?field_of_work=policing'
            '&amp;page=2">'
        ) in response.text


class TestQueryCount:
    """Three queries load the facets' options, four count them, one counts the results, one
    selects the page's ids, one loads those rows and three prefetch what the cards show."""

    def _items(self, count):
        field = FieldOfWorkFactory()
        country = CountryFactory()
        parent = StructureFactory()
        child = StructureFactory(parent=parent)
        for n in range(count):
            NewsItemFactory(
                fields_of_work=[field],
                countries=[country],
                issued_by=[child, parent] if n % 2 else [child],
            )
        return QueryDict(f"field_of_work={field.slug}&issued_by={parent.slug}").urlencode()

    @pytest.mark.parametrize("count", [3, 30])
    def test_unfiltered_listing(self, client, django_assert_max_num_queries, count):
        self._items(count)
        client.get("/news/")  # the site's menu is cached after the first page
        with django_assert_max_num_queries(13):
            assert client.get("/news/").status_code == 200

    @pytest.mark.parametrize("count", [3, 30])
    def test_filtered_listing(self, client, django_assert_max_num_queries, count):
        query = self._items(count)
        client.get("/news/")
        # One more than unfiltered: the search words' highlights for the page, in one query.
        with django_assert_max_num_queries(14):
            response = client.get(f"/news/?{query}&date_from=2000-01-01&q=item")
        assert response.context["total"] == count
