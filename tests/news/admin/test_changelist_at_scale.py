"""The changelists stay fast on a large table (news.admin.large_tables, issue 16): search by
the full-text index in every language without DISTINCT, one count, no facet counts, a year
list from index probes, a many-to-many filter by EXISTS, deep pages by ids first."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.publishing import Status
from tests.factories import FieldOfWorkFactory, MeetingFactory, NewsItemFactory, StructureFactory

CHANGELIST = "/admin/news/newsitem/"


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


def titles_found(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return {str(item) for item in response.context["cl"].result_list}


def queries_of(client, url):
    client.get(url)  # the session's first request of a page does once-only work
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def distinct_rows(sqls):
    """Queries that remove duplicate rows (a month's or a day's list of dates aside)."""
    return [sql for sql in sqls if "DISTINCT" in sql.upper() and "DATE_TRUNC" not in sql.upper()]


@pytest.fixture
def newsroom(db):
    odihr = StructureFactory(name="Office for Democratic Institutions", acronym="ODIHR")
    mission = StructureFactory(name="Mission to Serbia")
    return {
        "police": NewsItemFactory(
            title="Policing workshop in Belgrade", issued_by=[mission], slug="belgrade-workshop"
        ),
        "draft": NewsItemFactory(title="Police reform draft", status=Status.DRAFT),
        "election": NewsItemFactory(title="Election observers deployed", issued_by=[odihr]),
        "both": NewsItemFactory(title="Joint statement", issued_by=[odihr, mission]),
        "russian": NewsItemFactory(
            title="",
            in_language_en=False,
            in_language_ru=True,
            title_ru="Семинар по вопросам полиции",
            teaser_ru="Короткий анонс.",
            body_ru="<p>Текст.</p>",
        ),
    }


class TestSearch:
    def test_a_stemmed_word_finds_items_and_drafts_alike(self, publisher_client, newsroom):
        found = titles_found(publisher_client, f"{CHANGELIST}?q=police")
        assert {"Policing workshop in Belgrade", "Police reform draft"} <= found
        assert "Election observers deployed" not in found

    def test_a_word_of_an_item_in_russian_only_finds_it(self, publisher_client, newsroom):
        found = titles_found(publisher_client, f"{CHANGELIST}?q=семинар")
        assert found == {str(newsroom["russian"])}

    def test_an_issuers_acronym_or_name_finds_its_items_once_each(self, publisher_client, newsroom):
        response = publisher_client.get(f"{CHANGELIST}?q=ODIHR")
        rows = [item.pk for item in response.context["cl"].result_list]
        assert sorted(rows) == sorted([newsroom["election"].pk, newsroom["both"].pk])
        assert response.context["cl"].result_count == 2
        found = titles_found(publisher_client, f"{CHANGELIST}?q=Mission+to+Serbia")
        assert found == {"Policing workshop in Belgrade", "Joint statement"}

    def test_the_slug_and_the_id_find_their_item(self, publisher_client, newsroom):
        assert titles_found(publisher_client, f"{CHANGELIST}?q=belgrade-workshop") == {
            "Policing workshop in Belgrade"
        }
        election = newsroom["election"]
        assert str(election) in titles_found(publisher_client, f"{CHANGELIST}?q={election.pk}")

    def test_no_query_removes_duplicates_over_every_column(self, publisher_client, newsroom):
        assert not distinct_rows(queries_of(publisher_client, f"{CHANGELIST}?q=ODIHR"))

    def test_a_search_of_stop_words_only_finds_by_slug_without_failing(
        self, publisher_client, newsroom
    ):
        assert titles_found(publisher_client, f"{CHANGELIST}?q=the") == set()

    def test_meetings_are_found_by_their_series(self, publisher_client, db):
        meeting = MeetingFactory(title="Annual review")
        series_word = meeting.meeting_type.name.split()[0]
        response = publisher_client.get(f"/admin/news/meeting/?q={series_word}")
        assert meeting in list(response.context["cl"].result_list)


class TestCountsAndFacets:
    def test_rows_are_counted_once(self, publisher_client, newsroom):
        counts = [sql for sql in queries_of(publisher_client, CHANGELIST) if "COUNT(" in sql]
        assert len(counts) == 1, counts

    def test_there_is_no_show_counts_link(self, publisher_client, newsroom):
        assert "_facets" not in publisher_client.get(CHANGELIST).content.decode()

    def test_the_query_count_does_not_grow_with_the_rows(self, publisher_client, newsroom):
        before = len(queries_of(publisher_client, CHANGELIST))
        structure = StructureFactory()
        for _ in range(20):
            NewsItemFactory(issued_by=[structure], fields_of_work=[FieldOfWorkFactory()])
        assert len(queries_of(publisher_client, CHANGELIST)) == before


class TestYearList:
    def test_it_lists_exactly_the_years_that_have_items(self, publisher_client, db):
        for year in (2019, 2021, 2024):
            NewsItemFactory(issued_on=datetime.date(year, 3, 1))
        response = publisher_client.get(CHANGELIST)
        content = response.content.decode()
        for year in (2019, 2021, 2024):
            assert f"issued_on__year={year}" in content
        for year in (2020, 2022, 2023):
            assert f"issued_on__year={year}" not in content

    def test_no_query_lists_distinct_years_over_the_table(self, publisher_client, db):
        for year in (2019, 2024):
            NewsItemFactory(issued_on=datetime.date(year, 3, 1))
        assert not [sql for sql in queries_of(publisher_client, CHANGELIST) if "DISTINCT" in sql]

    def test_drilling_into_a_year_lists_its_months(self, publisher_client, db):
        NewsItemFactory(issued_on=datetime.date(2021, 3, 1))
        NewsItemFactory(issued_on=datetime.date(2021, 7, 1))
        NewsItemFactory(issued_on=datetime.date(2022, 1, 1))
        content = publisher_client.get(f"{CHANGELIST}?issued_on__year=2021").content.decode()
        assert "issued_on__month=3" in content and "issued_on__month=7" in content


class TestFieldOfWorkFilter:
    def test_it_selects_by_exists_without_distinct(self, publisher_client, db):
        policing, elections = FieldOfWorkFactory(name="Policing"), FieldOfWorkFactory()
        wanted = NewsItemFactory(title="Tagged twice", fields_of_work=[policing, elections])
        NewsItemFactory(title="Other", fields_of_work=[elections])
        url = f"{CHANGELIST}?fields_of_work__id__exact={policing.pk}"
        assert titles_found(publisher_client, url) == {str(wanted)}
        assert not distinct_rows(queries_of(publisher_client, url))

    def test_a_bad_value_is_ignored_not_an_error(self, publisher_client, db):
        NewsItemFactory(title="Any")
        url = f"{CHANGELIST}?fields_of_work__id__exact=abc"
        assert titles_found(publisher_client, url) == {"Any"}


def test_a_deep_page_holds_the_rows_of_that_page_in_order(publisher_client, db):
    items = [
        NewsItemFactory(
            title=f"Day {day:03}", issued_on=datetime.date(2020, 1, 1) + datetime.timedelta(day)
        )
        for day in range(230)
    ]
    newest_first = sorted(items, key=lambda item: (item.issued_on, item.pk), reverse=True)
    response = publisher_client.get(f"{CHANGELIST}?p=2")
    rows = list(response.context["cl"].result_list)
    per_page = response.context["cl"].list_per_page
    assert rows == newest_first[per_page : 2 * per_page]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_jit_is_off_for_the_applications_connections(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_work_mem_is_raised_for_the_applications_connections(db):
    """For a search's ranking (search.backends.ranked_rows): settings.DB_WORK_MEM."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "32MB"
