"""The admin's front page for the newsroom (website.dashboard): what goes live next, one's own
drafts, what went live last, and this year's live news not yet in each language."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.publishing import Status
from pages.models import Page
from tests.factories import MeetingFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/"


def section(response, name):
    return [row.title for row in response.context["dashboard"][name]]


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


def test_it_lists_what_goes_live_next_soonest_first_of_every_type(publisher_client):
    now = timezone.now()
    NewsItemFactory(title="Live already")
    NewsItemFactory(title="In two days", publish_at=now + datetime.timedelta(days=2))
    MeetingFactory(title="Meeting tomorrow", publish_at=now + datetime.timedelta(days=1))

    response = publisher_client.get(INDEX)

    assert section(response, "scheduled") == ["Meeting tomorrow", "In two days"]


def test_your_drafts_are_yours_only_newest_first(publisher_client, publisher, editor):
    NewsItemFactory(title="Older draft", status=Status.DRAFT, author=publisher)
    NewsItemFactory(title="Newer draft", status=Status.DRAFT, author=publisher)
    NewsItemFactory(title="Someone else's draft", status=Status.DRAFT, author=editor)
    NewsItemFactory(title="My live item", author=publisher)

    assert section(publisher_client.get(INDEX), "my_drafts") == ["Newer draft", "Older draft"]


def test_recently_published_holds_live_items_only(publisher_client):
    Page.objects.update(status=Status.DRAFT)  # a new site's simple pages are live from the start
    now = timezone.now()
    NewsItemFactory(title="Live earlier", publish_at=now - datetime.timedelta(days=2))
    NewsItemFactory(title="Live just now", publish_at=now - datetime.timedelta(minutes=5))
    NewsItemFactory(title="A draft", status=Status.DRAFT)
    NewsItemFactory(title="Scheduled", publish_at=now + datetime.timedelta(days=1))

    found = section(publisher_client.get(INDEX), "recently_published")

    assert found[:2] == ["Live just now", "Live earlier"]
    assert "A draft" not in found and "Scheduled" not in found


def test_missing_languages_count_this_years_live_items_and_link_to_them(publisher_client):
    this_year = timezone.localdate().replace(month=1, day=1)
    english_only = NewsItemFactory(title="English only", issued_on=this_year)
    NewsItemFactory(
        title="Both",
        issued_on=this_year,
        in_language_ru=True,
        title_ru="Оба",
        teaser_ru="Анонс.",
        body_ru="<p>Текст.</p>",
    )
    NewsItemFactory(title="Last year", issued_on=this_year - datetime.timedelta(days=1))
    NewsItemFactory(title="Draft", status=Status.DRAFT, issued_on=this_year)

    missing = {
        m.code: m for m in publisher_client.get(INDEX).context["dashboard"]["missing_languages"]
    }

    assert missing["ru"].count == 1
    assert missing["de"].count == 2
    listed = publisher_client.get(missing["ru"].url).context["cl"].result_list
    assert list(listed) == [english_only]


def test_the_page_shows_the_sections_and_its_queries_do_not_grow_with_the_items(
    publisher_client, publisher
):
    def queries():
        publisher_client.get(INDEX)
        with CaptureQueriesContext(connection) as captured:
            response = publisher_client.get(INDEX)
        return response, len(captured)

    _response, before = queries()
    for number in range(12):
        NewsItemFactory(title=f"Item {number}")
        NewsItemFactory(title=f"Draft {number}", status=Status.DRAFT, author=publisher)
    response, after = queries()

    assert after == before
    html = response.content.decode()
    for heading in ("Going live next", "Your drafts", "Recently published"):
        assert heading in html
    assert "Draft 11" in html
