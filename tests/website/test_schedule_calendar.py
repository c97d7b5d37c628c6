"""The dashboard's publishing calendar (website.schedule_calendar) and rescheduling from it
(website.reschedule): who may move what, to when, and what a move leaves behind."""

import datetime
import logging

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.utils import timezone
from reversion.models import Version

from core.publishing import Status
from news.models import NewsItem
from tests.factories import MeetingFactory, NewsItemFactory, PageFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/"
VIENNA = datetime.timezone(datetime.timedelta(hours=1))  # in January


def at(*args):
    return datetime.datetime(*args, tzinfo=VIENNA)


@pytest.fixture
def january():
    """Thursday 15 January 2026, 12:00 in Vienna (the clock ticks on)."""
    with time_machine.travel(at(2026, 1, 15, 12, 0), tick=True) as traveller:
        yield traveller


def reschedule_url(obj):
    return f"/admin/reschedule/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/"


def shown(response):
    calendar = response.context["schedule_calendar"]
    return {
        day.date.isoformat(): [entry.title for entry in day.entries]
        for week in calendar.weeks
        for day in week
        if day.entries
    }


def test_the_month_shows_what_is_scheduled_and_this_weeks_live_items(client, publisher, january):
    NewsItemFactory(title="Next week", publish_at=at(2026, 1, 22, 10, 0))
    MeetingFactory(title="Meeting on the 20th", publish_at=at(2026, 1, 20, 9, 30))
    NewsItemFactory(title="Live since Monday", publish_at=at(2026, 1, 12, 8, 0))
    NewsItemFactory(title="Live last week", publish_at=at(2026, 1, 8, 8, 0))
    NewsItemFactory(title="A draft", status=Status.DRAFT, publish_at=at(2026, 1, 23, 8, 0))
    NewsItemFactory(title="In March", publish_at=at(2026, 3, 2, 8, 0))
    client.force_login(publisher)

    response = client.get(INDEX)

    assert shown(response) == {
        "2026-01-12": ["Live since Monday"],
        "2026-01-20": ["Meeting on the 20th"],
        "2026-01-22": ["Next week"],
    }
    html = response.content.decode()
    assert "<caption>January 2026</caption>" in html
    assert '<th scope="col"><abbr title="Monday">Mon</abbr></th>' in html
    assert 'aria-current="date"' in html


def test_months_page_by_the_month_parameter_and_a_bad_one_is_this_month(client, publisher, january):
    NewsItemFactory(title="In March", publish_at=at(2026, 3, 2, 8, 0))
    client.force_login(publisher)

    march = client.get(INDEX, {"month": "2026-03"})
    assert shown(march) == {"2026-03-02": ["In March"]}
    assert march.context["schedule_calendar"].previous.startswith("?month=2026-02")
    assert march.context["schedule_calendar"].next.startswith("?month=2026-04")
    for bad in ("2026-13", "x", "9999-12", "2026-03-01", "-1-1"):
        response = client.get(INDEX, {"month": bad})
        assert response.status_code == 200
        assert response.context["schedule_calendar"].first == datetime.date(2026, 1, 1)


def test_publishers_get_move_links_editors_and_live_items_do_not(
    client, publisher, editor, january
):
    scheduled = NewsItemFactory(title="Scheduled", publish_at=at(2026, 1, 22, 10, 0))
    live = NewsItemFactory(title="Live", publish_at=at(2026, 1, 14, 10, 0))
    client.force_login(publisher)
    html = client.get(INDEX).content.decode()
    assert f'data-reschedule-url="{reschedule_url(scheduled)}"' in html
    assert reschedule_url(live) not in html

    client.force_login(editor)
    html = client.get(INDEX).content.decode()
    assert "Scheduled" in html and "data-reschedule-url" not in html
    assert reschedule_url(scheduled) not in html


def test_a_reschedule_keeps_the_time_of_day_and_leaves_a_trail(client, publisher, january, caplog):
    item = NewsItemFactory(title="Moving", publish_at=at(2026, 1, 22, 10, 30))
    client.force_login(publisher)

    with caplog.at_level(logging.INFO, logger="osce.audit"):
        response = client.post(reschedule_url(item), {"day": "2026-01-27"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/?month=2026-01#schedule-calendar"
    item.refresh_from_db()
    assert item.publish_at == at(2026, 1, 27, 10, 30)
    assert item.status == Status.PUBLISHED
    assert Version.objects.get_for_object(item).count() == 1
    entry = LogEntry.objects.get(object_id=str(item.pk))
    assert "Publish at" in entry.get_change_message()
    assert any(
        "event=reschedule" in record.getMessage() and "2026-01-27" in record.getMessage()
        for record in caplog.records
    )
    page = client.get(response["Location"])
    assert "now goes live on" in page.content.decode()


def test_the_form_for_the_keyboard_and_without_javascript(client, publisher, january):
    item = NewsItemFactory(title="Moving", publish_at=at(2026, 1, 22, 10, 30))
    client.force_login(publisher)

    html = client.get(reschedule_url(item)).content.decode()

    assert '<input type="date" name="day" value="2026-01-22"' in html
    assert '<label for="id_day"' in html


@pytest.mark.parametrize("day", ["2026-01-14", "2025-12-31"])
def test_a_day_in_the_past_is_refused_with_why(client, publisher, january, day):
    item = NewsItemFactory(title="Moving", publish_at=at(2026, 1, 22, 10, 30))
    client.force_login(publisher)

    response = client.post(reschedule_url(item), {"day": day})

    assert response.status_code == 400
    assert "is in the past" in response.content.decode()
    item.refresh_from_db()
    assert item.publish_at == at(2026, 1, 22, 10, 30)


def test_today_at_a_time_already_past_is_refused_too(client, publisher, january):
    item = NewsItemFactory(title="Early bird", publish_at=at(2026, 1, 22, 8, 0))
    client.force_login(publisher)

    response = client.post(
        reschedule_url(item), {"day": "2026-01-15"}, HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 400
    assert "is in the past" in response.json()["errors"][0]


@pytest.mark.parametrize("day", ["", "15/01/2026", "2026-02-30"])
def test_a_missing_or_bad_day_is_a_form_error(client, publisher, january, day):
    item = NewsItemFactory(title="Moving", publish_at=at(2026, 1, 22, 10, 30))
    client.force_login(publisher)

    assert client.post(reschedule_url(item), {"day": day}).status_code == 400


def test_editors_are_refused_with_a_clear_403(client, editor, january):
    item = NewsItemFactory(title="Moving", publish_at=at(2026, 1, 22, 10, 30))
    client.force_login(editor)

    for response in (
        client.get(reschedule_url(item)),
        client.post(reschedule_url(item), {"day": "2026-01-27"}),
    ):
        assert response.status_code == 403
        assert "Only publishers can reschedule" in response.content.decode()
    json_answer = client.post(
        reschedule_url(item), {"day": "2026-01-27"}, HTTP_ACCEPT="application/json"
    )
    assert json_answer.status_code == 403
    assert "Only publishers" in json_answer.json()["message"]
    item.refresh_from_db()
    assert item.publish_at == at(2026, 1, 22, 10, 30)


def test_a_live_or_draft_item_is_not_the_calendars_to_move(client, publisher, january):
    live = NewsItemFactory(title="Live", publish_at=at(2026, 1, 14, 10, 0))
    draft = NewsItemFactory(title="Draft", status=Status.DRAFT, publish_at=at(2026, 1, 22, 9))
    client.force_login(publisher)

    for item in (live, draft):
        response = client.post(reschedule_url(item), {"day": "2026-01-27"})
        assert response.status_code == 400
        assert "Only an item still to go live" in response.content.decode()
    live.refresh_from_db()
    assert live.publish_at == at(2026, 1, 14, 10, 0)


def test_a_day_after_the_items_end_is_refused(client, publisher, january):
    item = NewsItemFactory(
        publish_at=at(2026, 1, 22, 10, 0), expire_at=at(2026, 1, 25, 0, 0), title="Short"
    )
    client.force_login(publisher)

    response = client.post(reschedule_url(item), {"day": "2026-01-26"})

    assert response.status_code == 400
    assert "publication ends on" in response.content.decode()


def test_unknown_types_items_and_csrf(client, publisher, january):
    client.force_login(publisher)
    assert client.get("/admin/reschedule/auth/user/1/").status_code == 404
    assert client.get("/admin/reschedule/news/nothing/1/").status_code == 404
    assert client.get("/admin/reschedule/news/newsitem/999999/").status_code == 404

    from django.test import Client

    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(publisher)
    item = NewsItemFactory(publish_at=at(2026, 1, 22, 10, 0))
    assert guarded.post(reschedule_url(item), {"day": "2026-01-27"}).status_code == 403


def test_other_publishing_types_move_too(client, publisher, january):
    page = PageFactory(slug="moving-page", publish_at=at(2026, 1, 22, 10, 0))
    client.force_login(publisher)

    assert client.post(reschedule_url(page), {"day": "2026-01-29"}).status_code == 302
    page.refresh_from_db()
    assert page.publish_at == at(2026, 1, 29, 10, 0)


def test_the_item_goes_live_at_the_new_moment_through_the_page_cache(
    client, publisher, settings, clock
):
    settings.PAGE_CACHE = True
    now = timezone.localtime()
    item = NewsItemFactory(title="Rescheduled story", publish_at=now + datetime.timedelta(days=3))
    staff = type(client)()
    staff.force_login(publisher)
    assert client.get(item.get_absolute_url()).status_code == 404

    tomorrow = (now + datetime.timedelta(days=1)).date()
    assert staff.post(reschedule_url(item), {"day": tomorrow.isoformat()}).status_code == 302
    moved = NewsItem.objects.get(pk=item.pk).publish_at
    assert moved.date() == tomorrow or timezone.localtime(moved).date() == tomorrow

    clock.advance((moved - timezone.now()).total_seconds() - 60)
    assert client.get(item.get_absolute_url()).status_code == 404
    clock.advance(120)
    assert client.get(item.get_absolute_url()).status_code == 200


def test_a_busy_day_shows_eight_and_counts_the_rest(client, publisher, january):
    for minute in range(10):
        NewsItemFactory(title=f"Busy {minute}", publish_at=at(2026, 1, 22, 9, minute))
    client.force_login(publisher)

    response = client.get(INDEX)

    assert shown(response)["2026-01-22"] == [f"Busy {minute}" for minute in range(8)]
    assert "and 2 more" in response.content.decode()
