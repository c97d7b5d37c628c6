"""Anonymous visitors never see an unpublished item anywhere: a draft, a scheduled and an expired
news item and meeting carry a word nobody else uses, tagged so they would show on every
taxonomy page, and every public URL is requested — after an editor has previewed them, so a
shared cache would have had its chance to keep what the editor saw — with the page cache on
and off."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from core.publishing import Status
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    NewsItemFactory,
    PageFactory,
    ProjectFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db

WORD = "Quizzaciously"
# What a leak would show. The word itself is searched for, so pages echo it in their title and
# search box; these only come from the hidden items.
SECRET = "hushhush"
STATES = ("draft", "scheduled", "expired")
LEAK_MARKERS = [
    SECRET,
    f"{WORD.lower()}-",
    *(f"{state} police news" for state in STATES),
    *(f"{state} meeting" for state in STATES),
    *(f"{state} project" for state in STATES),
    *(f"{state} document" for state in STATES),
    *(f"{state} page" for state in STATES),
]


@pytest.fixture
def world(db):
    now = timezone.now()
    structure = StructureFactory(name="Secretariat", slug="secretariat")
    field = FieldOfWorkFactory(name="Policing", slug="policing")
    country = CountryFactory(name="Serbia", slug="serbia")
    series = MeetingTypeFactory(name="Ministerial Council", slug="ministerial-council")
    tags = {"issued_by": [structure], "fields_of_work": [field], "countries": [country]}
    visible = NewsItemFactory(title="Visible police news", slug="visible", teaser="Public.", **tags)
    today = timezone.localdate()
    current = {"start_date": today - datetime.timedelta(days=30), "end_date": today}
    project_tags = {
        "implemented_by": [structure],
        "fields_of_work": [field],
        "countries": [country],
    }
    ProjectFactory(title="Visible project", slug="visible-project", **current, **project_tags)
    DocumentFactory(title="Visible document", slug="visible-document", **tags)
    MeetingFactory(title="Visible meeting", slug="visible-meeting", meeting_type=series)
    hidden = {
        "draft": {"status": Status.DRAFT},
        "scheduled": {"publish_at": now + datetime.timedelta(days=2)},
        "expired": {
            "publish_at": now - datetime.timedelta(days=3),
            "expire_at": now - datetime.timedelta(days=1),
        },
    }
    for state, values in hidden.items():
        NewsItemFactory(
            title=f"{WORD} {state} police news",
            slug=f"{WORD.lower()}-{state}",
            teaser=f"{WORD} {SECRET} teaser",
            body=f"<p>{WORD} {SECRET} body</p>",
            issued_on=timezone.localdate(),
            **tags,
            **values,
        )
        meeting = MeetingFactory(
            title=f"{WORD} {state} meeting",
            slug=f"{WORD.lower()}-{state}-meeting",
            meeting_type=series,
            host_country=country,
            organiser=structure,
            description=f"<p>{WORD} {SECRET}</p>",
            start_date=timezone.localdate() + datetime.timedelta(days=10),
            end_date=timezone.localdate() + datetime.timedelta(days=11),
            **values,
        )
        meeting.fields_of_work.set([field])
        ProjectFactory(
            title=f"{WORD} {state} project",
            slug=f"{WORD.lower()}-{state}-project",
            summary=f"{WORD} {SECRET} summary",
            description=f"<p>{WORD} {SECRET}</p>",
            budget=987654321,
            related_news=[visible],
            **current,
            **project_tags,
            **values,
        )
        DocumentFactory(
            title=f"{WORD} {state} document",
            slug=f"{WORD.lower()}-{state}-document",
            summary=f"{WORD} {SECRET} summary",
            symbol=f"PC.DEC/{len(state)}",
            related_news=[visible],
            meeting=MeetingFactory(slug=f"visible-meeting-of-{state}", meeting_type=series),
            # A word only the hidden PDFs hold: searched for, it must find nothing.
            files={"en": f"{WORD} {SECRET} pangolinesque", "uk": f"{WORD} {SECRET}"},
            **tags,
            **values,
        )
        # A simple page placed in the menu and the footer, and a published page inside it.
        page = PageFactory(
            title=f"{WORD} {state} page",
            slug=f"{WORD.lower()}-{state}-page",
            summary=f"{WORD} {SECRET}",
            body=f"<p>{WORD} {SECRET}</p>",
            menu="about",
            footer="legal",
            **values,
        )
        PageFactory(
            title=f"Child of the {state} page",
            slug=f"{WORD.lower()}-{state}-page-child",
            parent=page,
            footer="about",
        )
    return hidden


LISTINGS = [
    "/",
    "/news/",
    "/news/?page=2",
    f"/news/?q={WORD}",
    f"/news/?q={WORD.lower()}&sort=relevance",
    "/news/?field_of_work=policing",
    "/news/?country=serbia&issued_by=secretariat",
    "/news/?type=news&date_from=2000-01-01",
    "/news/feed/",
    f"/news/feed/?q={WORD}",
    "/news/feed/?field_of_work=policing",
    f"/search/?q={WORD}",
    f"/search/?q={WORD}+police",
    "/fields-of-work/",
    "/fields-of-work/policing/",
    "/countries/",
    "/countries/serbia/",
    "/structures/",
    "/structures/secretariat/",
    "/meetings/",
    "/meetings/?type=ministerial-council",
    "/meetings/calendar.ics",
    "/meetings/calendar.ics?type=ministerial-council&country=serbia&organised_by=secretariat",
    "/alerts/news/?field_of_work=policing",
    f"/alerts/news/?q={WORD}",
    "/alerts/meetings/?type=ministerial-council",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/sitemap-meetings.xml",
    "/sitemap-projects.xml",
    "/sitemap-about.xml",
    "/about/",
    "/about/contacts/",
    "/robots.txt",
    "/api/v1/news/",
    "/api/v1/news/?page=last",
    f"/api/v1/news/?q={WORD}",
    f"/api/v1/news/?q={WORD.lower()}&sort=relevance",
    "/api/v1/news/?field_of_work=policing",
    "/api/v1/news/?country=serbia&issued_by=secretariat&lang=ru",
    "/ru/api/v1/news/?type=news&date_from=2000-01-01",
    "/api/v1/meetings/",
    "/api/v1/meetings/?type=ministerial-council",
    "/api/v1/fields-of-work/",
    "/api/v1/countries/",
    "/api/v1/structures/",
    "/api/v1/meeting-series/",
    "/news/visible/",
    "/projects/",
    f"/projects/?q={WORD}",
    "/projects/?field_of_work=policing&status=ongoing",
    "/projects/?implemented_by=secretariat&country=serbia&year_from=2000",
    "/projects/feed/",
    f"/projects/feed/?q={WORD}",
    "/alerts/projects/?field_of_work=policing&status=ongoing",
    f"/alerts/projects/?q={WORD}",
    "/alerts/documents/?field_of_work=policing&type=report",
    f"/alerts/documents/?q={WORD}",
    "/api/v1/projects/",
    f"/api/v1/projects/?q={WORD}",
    "/api/v1/projects/?field_of_work=policing&status=ongoing&lang=ru",
    "/ru/api/v1/projects/?implemented_by=secretariat&country=serbia&year_from=2000",
    "/api/v1/projects/visible-project/",
    "/projects/visible-project/",
    "/field-operations/",
    "/field-operations/?sort=budget&status=open",
    "/documents/",
    f"/documents/?q={WORD}",
    "/documents/?q=pangolinesque",
    "/documents/?field_of_work=policing&type=report",
    "/documents/?issued_by=secretariat&country=serbia&year_from=2000&language=uk",
    "/documents/feed/",
    f"/documents/feed/?q={WORD}",
    "/documents/visible-document/",
    "/api/v1/documents/",
    f"/api/v1/documents/?q={WORD}",
    "/api/v1/documents/?q=pangolinesque",
    "/api/v1/documents/?field_of_work=policing&type=report&lang=ru",
    "/ru/api/v1/documents/?issued_by=secretariat&country=serbia&year_from=2000&language=uk",
    "/api/v1/documents/visible-document/",
    "/news/visible/",
    "/meetings/visible-meeting-of-draft/",
    "/sitemap-documents.xml",
    "/search/?q=pangolinesque",
]


def hidden_detail_urls(states):
    for state in states:
        yield f"/news/{WORD.lower()}-{state}/"
        yield f"/meetings/{WORD.lower()}-{state}-meeting/"
        yield f"/meetings/{WORD.lower()}-{state}-meeting/calendar.ics"
        yield f"/api/v1/news/{WORD.lower()}-{state}/"
        yield f"/api/v1/meetings/{WORD.lower()}-{state}-meeting/"
        yield f"/projects/{WORD.lower()}-{state}-project/"
        yield f"/api/v1/projects/{WORD.lower()}-{state}-project/"
        yield f"/documents/{WORD.lower()}-{state}-document/"
        yield f"/documents/{WORD.lower()}-{state}-document/files/en/"
        yield f"/api/v1/documents/{WORD.lower()}-{state}-document/"
        yield f"/documents/symbol/PC.DEC/{len(state)}/"
        yield f"/{WORD.lower()}-{state}-page/"
        # Published itself, but its address goes through the hidden page.
        yield f"/{WORD.lower()}-{state}-page/{WORD.lower()}-{state}-page-child/"


def assert_nothing_leaks(client, states):
    for path in LISTINGS:
        response = client.get(path)
        assert response.status_code in (200, 404), (path, response.status_code)
        body = response.content.decode()
        for marker in [*LEAK_MARKERS, "987,654,321", "987654321"]:
            assert marker not in body, (path, marker)
    for path in hidden_detail_urls(states):
        response = client.get(path)
        assert response.status_code == 404, path
        assert SECRET not in response.content.decode(), path


def test_sitemap_sections_exist(client, world):
    for path in ("/sitemap-news.xml", "/sitemap-meetings.xml"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("page_cache", [False, True], ids=["no-page-cache", "page-cache"])
def test_unpublished_items_never_reach_anonymous_visitors(world, editor, settings, page_cache):
    settings.PAGE_CACHE = page_cache
    staff = Client()
    staff.force_login(editor)
    for path in [*LISTINGS, *hidden_detail_urls(world)]:
        staff.get(path)  # previews and editor pages first: a careless cache would keep them
    assert staff.get(f"/news/{WORD.lower()}-draft/").status_code == 200

    anonymous = Client()
    assert_nothing_leaks(anonymous, world)
    assert_nothing_leaks(anonymous, world)  # and again, from whatever was cached


def test_listing_counts_only_public_items(client, world):
    response = client.get("/news/?field_of_work=policing")
    assert response.context["total"] == 1
    assert response.context["paginator"].count == 1
    assert "Visible police news" in response.content.decode()


def test_public_views_never_treat_a_visitor_as_a_previewer(client, world):
    """The `preview` flag in a query string or cookie means nothing to the site."""
    for path in hidden_detail_urls(world):
        assert client.get(path, {"preview": "1", "is_preview": "true"}).status_code == 404
        client.cookies["sessionid"] = "forged"
        assert client.get(path).status_code == 404


def test_alert_mails_never_carry_unpublished_items(world, clock):
    """Every filter that would match the hidden items, at every frequency: the tick (sweep,
    retries, digests) owes and sends only the visible ones, also once the scheduled one's
    moment is near but not reached and after the expired one expired."""
    from django.core import mail

    from alerts import schedule, sending, services
    from alerts.models import Frequency, Listing

    queries = ["", "field_of_work=policing", f"q={WORD}", "country=serbia&issued_by=secretariat"]
    for index, query in enumerate(queries):
        for frequency in Frequency.values:
            subscription = services.subscribe(
                f"leak{index}{frequency}@example.org", Listing.NEWS, "en", query, frequency
            )
            services.confirm(subscription)
    meetings = services.subscribe(
        "leak-meetings@example.org", Listing.MEETINGS, "en", "type=ministerial-council", "daily"
    )
    services.confirm(meetings)
    schedule.tick()
    sending.send(sending.owed_subscriptions())
    clock.advance(24 * 3600)  # the scheduled items are still a day away
    schedule.tick()
    sending.send(sending.owed_subscriptions())
    assert mail.outbox, "the visible items should have been sent"
    for message in mail.outbox:
        text = message.body + "".join(content for content, _type in message.alternatives)
        for marker in LEAK_MARKERS:
            assert marker not in text, (message.subject, marker)
