"""`/meetings/calendar.ics` and `/meetings/<slug>/calendar.ics`: read back with icalendar."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date
from icalendar import Calendar

from core.publishing import Status
from news.models import Meeting
from news.views import calendars
from tests.factories import CountryFactory, MeetingFactory, MeetingTypeFactory, StructureFactory

pytestmark = pytest.mark.django_db

FEED = "/meetings/calendar.ics"


def days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


@pytest.fixture
def world(db):
    council = MeetingTypeFactory(
        name="Ministerial Council meetings", name_ru="Заседания Совета министров", slug="mc"
    )
    forum = MeetingTypeFactory(name="Economic Forum", slug="forum")
    austria = CountryFactory(name="Austria", name_ru="Австрия", slug="austria")
    malta = CountryFactory(name="Malta", slug="malta")
    secretariat = StructureFactory(name="Secretariat", slug="secretariat")
    unit = StructureFactory(name="Gender Issues Programme", slug="gender", parent=secretariat)
    odihr = StructureFactory(name="ODIHR", slug="odihr")
    now = timezone.now()
    meetings = SimpleNamespace(
        vienna=MeetingFactory(
            title="Ministerial Council in Vienna",
            title_ru="Совет министров в Вене",
            place="Vienna",
            place_ru="Вена",
            slug="vienna",
            meeting_type=council,
            host_country=austria,
            organiser=secretariat,
            description="<p>Two days of <strong>talks</strong> &amp; a declaration.</p>",
            start_date=days(10),
            end_date=days(11),
        ),
        valletta=MeetingFactory(
            title="Forum in Valletta",
            place="Valletta",
            slug="valletta",
            meeting_type=forum,
            host_country=malta,
            organiser=unit,
            start_date=days(-30),
            end_date=days(-30),
        ),
        warsaw=MeetingFactory(
            title="Human Dimension Conference",
            place="",
            slug="warsaw",
            meeting_type=forum,
            organiser=odihr,
            start_date=days(-364),
            end_date=days(-364),
        ),
        long_ago=MeetingFactory(
            title="Long ago", slug="long-ago", meeting_type=council, start_date=days(-400),
            end_date=days(-366),
        ),
        draft=MeetingFactory(
            title="Draft meeting", slug="draft", status=Status.DRAFT, meeting_type=council,
            start_date=days(5), end_date=days(5),
        ),
        scheduled=MeetingFactory(
            title="Scheduled meeting", slug="scheduled", publish_at=now + datetime.timedelta(1),
            meeting_type=council, start_date=days(5), end_date=days(5),
        ),
        expired=MeetingFactory(
            title="Expired meeting", slug="expired", meeting_type=council,
            publish_at=now - datetime.timedelta(3), expire_at=now - datetime.timedelta(1),
            start_date=days(5), end_date=days(5),
        ),
    )  # fmt: skip
    return meetings


def read(response):
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def summaries(client, path, query=None):
    return set(events(read(client.get(path, query))))


def test_the_feed_holds_every_published_meeting_of_the_last_year_and_after(client, world):
    response = client.get(FEED)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="osce-meetings.ics"'
    calendar = read(response)
    assert set(events(calendar)) == {
        "Ministerial Council in Vienna",
        "Forum in Valletta",
        "Human Dimension Conference",
    }
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")][0] == (
        "Human Dimension Conference"
    ), "soonest first"
    assert str(calendar["x-wr-calname"]) == "OSCE meetings"
    assert str(calendar["x-wr-timezone"]) == "Europe/Vienna"
    assert str(calendar["version"]) == "2.0"
    assert calendar.walk("VTIMEZONE") == [], "all-day events need no time zone"


def test_an_event_is_an_all_day_event_with_an_exclusive_end(client, world):
    vienna = world.vienna
    event = events(read(client.get(FEED)))["Ministerial Council in Vienna"]
    assert event["uid"] == f"meeting-{vienna.pk}@www.example.org"
    assert event.decoded("dtstart") == vienna.start_date
    assert event.decoded("dtend") == vienna.end_date + datetime.timedelta(days=1)
    assert not isinstance(event.decoded("dtstart"), datetime.datetime)
    assert f"DTSTART;VALUE=DATE:{vienna.start_date:%Y%m%d}" in event.to_ical().decode()
    stamp = vienna.updated_at.astimezone(datetime.UTC).replace(microsecond=0)
    assert event.decoded("dtstamp") == stamp, "iCalendar times are to the second, in UTC"
    assert str(event["location"]) == "Vienna, Austria"
    assert str(event["url"]) == "https://www.example.org/meetings/vienna/"
    assert [str(name) for name in event["categories"].cats] == ["Ministerial Council meetings"]


def test_a_one_day_meeting_ends_the_next_day(client, world):
    event = events(read(client.get(FEED)))["Forum in Valletta"]
    assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(days=1)


def test_the_description_is_plain_text_with_the_organiser_and_the_page(client, world):
    event = events(read(client.get(FEED)))["Ministerial Council in Vienna"]
    assert str(event["description"]) == (
        "Two days of talks & a declaration.\n\n"
        "Organised by: Secretariat\n\n"
        "https://www.example.org/meetings/vienna/"
    )
    assert "<" not in read(client.get(FEED)).to_ical().decode()


def test_uids_are_the_same_across_requests_and_languages(client, world):
    def uids(path):
        return {
            str(event["summary"]): str(event["uid"])
            for event in read(client.get(path)).walk("VEVENT")
        }

    first = uids(FEED)
    world.vienna.save()  # an edit changes DTSTAMP, never the UID
    assert uids(FEED) == first
    assert set(uids("/ru" + FEED).values()) == set(first.values())


def test_the_russian_calendar_is_in_russian_with_english_where_untranslated(client, world):
    calendar = read(client.get("/ru" + FEED))
    assert str(calendar["x-wr-calname"]) == "Заседания ОБСЕ"
    by_title = events(calendar)
    vienna = by_title["Совет министров в Вене"]
    assert str(vienna["location"]) == "Вена, Австрия"
    assert [str(name) for name in vienna["categories"].cats] == ["Заседания Совета министров"]
    assert "\n\nОрганизатор: Secretariat\n\n" in str(vienna["description"])
    assert str(vienna["url"]) == "https://www.example.org/ru/meetings/vienna/"
    assert "Forum in Valletta" in by_title


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "mc"}, {"Ministerial Council in Vienna"}),
        ({"type": ["forum", "mc"]}, {"Ministerial Council in Vienna", "Forum in Valletta",
                                      "Human Dimension Conference"}),
        ({"country": "malta"}, {"Forum in Valletta"}),
        ({"country": ["malta", "austria"], "type": "forum"}, {"Forum in Valletta"}),
        ({"organised_by": "secretariat"}, {"Ministerial Council in Vienna", "Forum in Valletta"}),
        ({"organised_by": "gender"}, {"Forum in Valletta"}),
        ({"organised_by": "odihr", "type": "mc"}, set()),
    ],
)  # fmt: skip
def test_filters_narrow_the_feed(client, world, query, expected):
    """Repeated values OR-ed, keys AND-ed; a structure includes the structures below it."""
    assert summaries(client, FEED, query) == expected


def test_the_calendar_is_named_after_its_filters(client, world):
    calendar = read(client.get(FEED, {"type": "mc", "country": "austria"}))
    assert str(calendar["x-wr-calname"]) == "OSCE meetings: Ministerial Council meetings, Austria"


def test_unknown_and_malformed_values_are_dropped(client, world):
    everything = summaries(client, FEED)
    assert summaries(client, FEED, {"type": "nonsense", "country": "<script>"}) == everything
    assert summaries(client, FEED, {"type": ["nonsense", "mc"]}) == {
        "Ministerial Council in Vienna"
    }


def test_the_normalised_query_is_declared_for_the_page_cache(client, world):
    response = client.get(
        FEED, {"type": ["mc", "forum", "mc", "nope"], "organised_by": "x\x00", "utm": "1"}
    )
    assert sorted(response.canonical_query.lists()) == [("type", ["forum", "mc"])]
    assert not client.get(FEED).canonical_query


@pytest.mark.parametrize(
    "query",
    [
        "type=%00",
        "country=a%00b&organised_by=%ff%fe",
        "type=" + "a" * 5000,
        "organised_by=' OR 1=1 --",
        "type=mc&type=mc&type=&country",
        "type[]=mc&__proto__=1",
    ],
)
def test_hostile_parameters_answer_200(client, world, query):
    response = client.get(f"{FEED}?{query}")
    assert response.status_code == 200
    Calendar.from_ical(response.content)


def test_the_feed_is_bounded(client, world, monkeypatch):
    monkeypatch.setattr(calendars, "MAX_EVENTS", 2)
    assert summaries(client, FEED) == {"Human Dimension Conference", "Forum in Valletta"}


def test_the_feed_reads_a_constant_number_of_queries(client, world):
    """One query per filter key, one for the structure tree and one for the meetings with
    their series, host countries and organisers, however many meetings there are."""
    query = {"type": "mc", "country": "austria", "organised_by": "secretariat"}

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(FEED, query).status_code == 200
        return len(queries)

    assert summaries(client, FEED, query) == {"Ministerial Council in Vienna"}
    before = count()
    for index in range(5):
        MeetingFactory(
            slug=f"more-{index}",
            meeting_type=world.vienna.meeting_type,
            host_country=world.vienna.host_country,
            organiser=world.vienna.organiser,
            start_date=days(index),
            end_date=days(index),
        )
    assert len(summaries(client, FEED, query)) == 6
    assert count() == before


def test_control_characters_written_around_the_models_are_left_out(client, world):
    # PostgreSQL refuses NUL in text; every other control character can be written around.
    Meeting.objects.filter(pk=world.vienna.pk).update(title_en="Bad\x01\x07 title\r\nhere")
    assert "Bad title\nhere" in summaries(client, FEED)


def test_a_meeting_page_offers_its_event_as_a_download(client, world):
    vienna = world.vienna
    response = client.get("/meetings/vienna/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="vienna.ics"'
    assert response["Last-Modified"] == http_date(vienna.updated_at.timestamp())
    calendar = read(response)
    (event,) = calendar.walk("VEVENT")
    assert event["uid"] == events(read(client.get(FEED)))[str(event["summary"])]["uid"]
    assert event.decoded("dtend") == vienna.end_date + datetime.timedelta(days=1)
    assert str(calendar["x-wr-calname"]) == "Ministerial Council in Vienna"
    ru = read(client.get("/ru/meetings/vienna/calendar.ics"))
    assert str(ru.walk("VEVENT")[0]["summary"]) == "Совет министров в Вене"


def test_an_old_meeting_still_has_its_event(client, world):
    assert summaries(client, "/meetings/long-ago/calendar.ics") == {"Long ago"}


@pytest.mark.parametrize("slug", ["draft", "scheduled", "expired", "no-such-meeting"])
def test_unpublished_meetings_have_no_event(client, world, slug, editor):
    assert client.get(f"/meetings/{slug}/calendar.ics").status_code == 404
    client.force_login(editor)
    assert client.get(f"/meetings/{slug}/calendar.ics").status_code == 404


def test_pages_link_to_the_calendars(client, world):
    page = client.get("/meetings/vienna/").content.decode()
    assert 'href="/meetings/vienna/calendar.ics"' in page
    assert "Add to calendar" in page
    listing = client.get("/meetings/", {"type": ["mc", "nope"]}).content.decode()
    assert 'href="/meetings/calendar.ics?type=mc"' in listing
    assert 'href="/ru/meetings/calendar.ics"' in client.get("/ru/meetings/").content.decode()
