"""Each public page shows what it should, and only `published()` content."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from countries.models import CountryStatus
from structures.models import StructureKind
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    DocumentFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    NewsItemFactory,
    StructureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def main_of(html):
    """The page's own content, without the menu (which lists every structure and country)."""
    return html[html.index('<main id="main"') : html.index("</main>")]


def assert_no_hidden(html):
    assert "Hidden" not in html


# Home


def test_home_shows_latest_news_meetings_and_fields_of_work(client, make_hidden_news):
    today = timezone.localdate()
    field = FieldOfWorkFactory(name="Border management")
    for day in range(10):
        NewsItemFactory(title=f"Story {day}", issued_on=datetime.date(2024, 1, 1 + day))
    make_hidden_news(issued_on=datetime.date(2030, 1, 1))
    MeetingFactory(
        title="Next Ministerial",
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=11),
    )
    MeetingFactory(title="Last Ministerial", start_date=datetime.date(2020, 12, 3))
    MeetingFactory(
        title="Hidden draft meeting",
        status=Status.DRAFT,
        start_date=today + datetime.timedelta(days=3),
        end_date=today + datetime.timedelta(days=3),
    )

    html = page(client, reverse("website:home"))

    # The lead story and the four after it: the 5 newest published stories, newest first.
    shown = [f"Story {day}" for day in range(9, 4, -1)]
    positions = [html.index(title) for title in shown]
    assert positions == sorted(positions)
    assert "Story 3<" not in html and "Story 0<" not in html
    assert "Next Ministerial" in html
    assert "Last Ministerial" in html
    assert f'href="{field.get_absolute_url()}"' in html
    assert_no_hidden(html)


# Fields of work


def test_field_of_work_list_counts_published_news_only(client, make_hidden_news):
    field = FieldOfWorkFactory(name="Elections")
    NewsItemFactory.create_batch(2, fields_of_work=[field])
    make_hidden_news(fields_of_work=[field])
    html = page(client, reverse("news:field_of_work_list"))
    assert "Elections" in html
    assert "2 items" in html


def test_field_of_work_page_shows_news_active_structures_and_listing_link(client, make_hidden_news):
    field = FieldOfWorkFactory(name="Policing", slug="policing", description="Police work.")
    other_field = FieldOfWorkFactory()
    busy = StructureFactory(name="Transnational Threats Department")
    quiet = StructureFactory(name="Mission to Serbia")
    elsewhere = StructureFactory(name="Only elsewhere")
    for _ in range(3):
        NewsItemFactory(issued_by=[busy], fields_of_work=[field])
    NewsItemFactory(title="Joint item", issued_by=[quiet, busy], fields_of_work=[field])
    NewsItemFactory(issued_by=[elsewhere], fields_of_work=[other_field])
    # Hidden items must not count towards "most active" either.
    make_hidden_news(issued_by=[elsewhere], fields_of_work=[field])

    html = main_of(page(client, field.get_absolute_url()))

    assert "<h1>Policing</h1>" in html
    assert "Police work." in html
    assert "Joint item" in html
    assert 'href="/news/?field_of_work=policing"' in html
    active = html[html.index('id="active-structures"') :]
    assert active.index("Transnational Threats Department") < active.index("Mission to Serbia")
    assert "(4)" in active and "(1)" in active
    assert "Only elsewhere" not in html
    assert_no_hidden(html)


def test_unknown_field_of_work_is_404(client):
    page(client, "/fields-of-work/nope/", status=404)


# Countries


def test_country_list_groups_by_status_and_marks_the_chair(client):
    year = timezone.localdate().year
    finland = CountryFactory(name="Finland")
    CountryFactory(name="Japan", status=CountryStatus.ASIAN_PARTNER)
    CountryFactory(name="Tunisia", status=CountryStatus.MEDITERRANEAN_PARTNER)
    ChairpersonshipFactory(year=year, country=finland)

    html = page(client, reverse("countries:list"))
    main = html[html.index('<main id="main"') :]

    states = main.index('id="participating-states"')
    asian = main.index('id="asian-partners"')
    mediterranean = main.index('id="mediterranean-partners"')
    assert states < main.index("Finland</a><span") < asian < main.index("Japan") < mediterranean
    assert mediterranean < main.index("Tunisia")
    assert f'<span class="chair-note">OSCE Chairpersonship {year}</span>' in main


def test_country_page_shows_status_operations_and_its_news(client, make_hidden_news):
    serbia = CountryFactory(
        name="Serbia", slug="serbia", joined_on=datetime.date(2000, 11, 10), description="A State."
    )
    StructureFactory(
        name="Mission to Serbia", kind=StructureKind.FIELD_OPERATION, host_country=serbia
    )
    StructureFactory(
        name="Mission to Serbia and Montenegro",
        kind=StructureKind.CLOSED_FIELD_ACTIVITY,
        host_country=serbia,
        closed_on=datetime.date(2006, 6, 29),
    )
    NewsItemFactory(title="Belgrade conference", countries=[serbia])
    NewsItemFactory(title="About somewhere else", countries=[CountryFactory()])
    make_hidden_news(countries=[serbia])

    html = page(client, serbia.get_absolute_url())

    assert "<h1>Serbia</h1>" in html
    assert "Participating State" in html
    assert "10 November 2000" in html
    assert "Mission to Serbia</a>" in html
    assert 'Mission to Serbia and Montenegro</a> <span class="muted">(closed)</span>' in html
    assert "Belgrade conference" in html
    assert "About somewhere else" not in html
    assert 'href="/news/?country=serbia"' in html
    assert_no_hidden(html)


def test_country_page_marks_the_current_chair(client):
    finland = CountryFactory(name="Finland")
    ChairpersonshipFactory(year=timezone.localdate().year, country=finland)
    html = page(client, finland.get_absolute_url())
    assert f"OSCE Chairpersonship {timezone.localdate().year}" in html


# Structures


def test_structure_tree_is_nested_and_labels_closed_bodies(client):
    secretariat = StructureFactory(name="Secretariat", slug="secretariat")
    tntd = StructureFactory(name="Transnational Threats Department", parent=secretariat)
    StructureFactory(name="Strategic Police Matters Unit", acronym="SPMU", parent=tntd)
    StructureFactory(
        name="Mission to Croatia",
        kind=StructureKind.CLOSED_FIELD_ACTIVITY,
        closed_on=datetime.date(2007, 12, 31),
    )

    html = page(client, reverse("structures:list"))
    tree = html[html.index('<ul class="tree">') :]

    assert tree.index("Secretariat") < tree.index("Transnational Threats") < tree.index("SPMU")
    # SPMU sits two lists deep.
    assert tree[: tree.index("Strategic Police")].count("<ul>") == 2
    assert 'Mission to Croatia</a> <span class="muted">(closed)</span>' in tree


def test_structure_page_includes_news_of_its_descendants(client, make_hidden_news):
    albania = CountryFactory(name="Albania")
    secretariat = StructureFactory(name="Secretariat", slug="secretariat")
    tntd = StructureFactory(
        name="Transnational Threats Department",
        acronym="TNTD",
        parent=secretariat,
        host_country=albania,
        location="Vienna",
    )
    spmu = StructureFactory(name="Strategic Police Matters Unit", parent=tntd)
    NewsItemFactory(title="Secretariat story", issued_by=[secretariat])
    NewsItemFactory(title="Unit story", issued_by=[spmu])
    NewsItemFactory(title="Unrelated story", issued_by=[StructureFactory()])
    make_hidden_news(issued_by=[spmu])

    html = main_of(page(client, secretariat.get_absolute_url()))
    assert "Secretariat story" in html
    assert "Unit story" in html
    assert "Unrelated story" not in html
    assert 'href="/news/?issued_by=secretariat"' in html
    assert_no_hidden(html)

    html = main_of(page(client, tntd.get_absolute_url()))
    assert "(TNTD)" in html
    assert f'<a href="{secretariat.get_absolute_url()}">Secretariat</a>' in html
    assert f'<a href="{spmu.get_absolute_url()}">Strategic Police Matters Unit</a>' in html
    assert "Albania" in html and "Vienna" in html
    assert "Unit story" in html
    assert "Secretariat story" not in html


def test_closed_structure_page_says_closed(client):
    closed = StructureFactory(
        name="Mission to Georgia",
        established_on=datetime.date(1992, 12, 3),
        closed_on=datetime.date(2009, 6, 30),
    )
    html = page(client, closed.get_absolute_url())
    assert "Closed" in html
    assert "30 June 2009" in html and "3 December 1992" in html


# Meetings


def test_meeting_list_splits_upcoming_and_past_and_hides_unpublished(client, make_hidden_meetings):
    today = timezone.localdate()
    MeetingFactory(
        title="Future summit",
        start_date=today + datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=31),
    )
    MeetingFactory(title="Old summit", start_date=datetime.date(2010, 12, 1))
    make_hidden_meetings(start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2011, 1, 2))

    html = page(client, reverse("news:meeting_list"))

    upcoming = html[html.index('id="upcoming-meetings"') : html.index('id="past-meetings"')]
    past = html[html.index('id="past-meetings"') :]
    assert "Future summit" in upcoming
    assert "Old summit" in past
    assert_no_hidden(html)


def test_meeting_list_filters_by_series_with_or_between_values(client):
    summit = MeetingTypeFactory(name="Summit meetings", slug="summit-meetings")
    council = MeetingTypeFactory(name="Ministerial Council meetings", slug="ministerial")
    other = MeetingTypeFactory(name="Media conferences", slug="media")
    MeetingFactory(title="Astana Summit", meeting_type=summit)
    MeetingFactory(title="Basel Council", meeting_type=council)
    MeetingFactory(title="Media event", meeting_type=other)

    html = page(client, "/meetings/?type=summit-meetings")
    assert "Astana Summit" in html and "Basel Council" not in html
    assert "<h1>Summit meetings</h1>" in html
    assert '<meta name="robots"' not in html

    html = page(client, "/meetings/?type=summit-meetings&type=ministerial&type=summit-meetings")
    assert "Astana Summit" in html and "Basel Council" in html and "Media event" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert (
        '<link rel="canonical" href="https://www.example.org/meetings/?type=ministerial'
        '&amp;type=summit-meetings">'
    ) in html


def test_unknown_meeting_series_gives_a_notice_and_is_ignored(client):
    MeetingFactory(title="Any meeting")
    html = page(client, "/meetings/?type=no-such-series")
    assert "There is no meeting series “no-such-series”" in html
    assert "Any meeting" in html


def test_query_string_text_is_escaped(client):
    html = page(client, '/meetings/?type=<script>alert(1)</script>&type="x')
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unknown_and_repeated_parameters_are_harmless(client):
    MeetingFactory(title="Any meeting")
    for url in ("/meetings/?foo=bar&foo=baz", "/?page=2&x=1", "/countries/?type=x&type=y"):
        page(client, url)
    assert "Any meeting" in page(client, "/meetings/?utm_source=a&utm_source=b")


@pytest.mark.parametrize("value", ["0", "-1", "abc", "99999", "1.5", ""])
def test_bad_page_numbers_are_404(client, value):
    MeetingFactory.create_batch(3, start_date=datetime.date(2015, 1, 1))
    expected = 200 if value == "" else 404
    assert client.get(f"/meetings/?page={value}").status_code == expected


def test_past_meetings_are_paginated_keeping_the_series_filter(client):
    series = MeetingTypeFactory(slug="summit-meetings")
    for day in range(1, 23):
        MeetingFactory(
            title=f"Summit {day:02d}",
            meeting_type=series,
            start_date=datetime.date(2015, 1, day),
            end_date=datetime.date(2015, 1, day),
        )
    html = page(client, "/meetings/?type=summit-meetings")
    assert "Summit 22" in html and "Summit 03" in html and "Summit 02" not in html
    assert 'href="?type=summit-meetings&amp;page=2"' in html
    html = page(client, "/meetings/?type=summit-meetings&page=2")
    assert "Summit 02" in html and "Summit 01" in html and "Summit 03" not in html


def test_meeting_page_shows_its_details(client):
    host = CountryFactory(name="Malta", slug="malta")
    organiser = StructureFactory(name="Permanent Council")
    field = FieldOfWorkFactory(name="Gender equality")
    meeting = MeetingFactory(
        title="Valletta Ministerial",
        meeting_type=MeetingTypeFactory(name="Ministerial Council meetings", slug="mc"),
        start_date=datetime.date(2024, 12, 5),
        end_date=datetime.date(2024, 12, 6),
        place="Valletta",
        host_country=host,
        organiser=organiser,
        description="<p>Decisions were <strong>adopted</strong>.</p>",
        fields_of_work=[field],
    )
    document = DocumentFactory(
        meeting=meeting, title="Final document", external_url="https://example.org/final.pdf"
    )

    response = client.get(meeting.get_absolute_url())
    html = response.content.decode()

    assert "<h1>Valletta Ministerial</h1>" in html
    assert '<a href="/meetings/?type=mc">Ministerial Council meetings</a>' in html
    assert "5 December 2024" in html and "6 December 2024" in html
    assert "Valletta" in html
    assert f'<a href="{host.get_absolute_url()}">Malta</a>' in html
    assert f'<a href="{organiser.get_absolute_url()}">Permanent Council</a>' in html
    assert f'href="{field.get_absolute_url()}">Gender equality</a>' in html
    assert "<p>Decisions were <strong>adopted</strong>.</p>" in html
    assert f'<a href="{document.get_absolute_url()}">Final document</a>' in html
    assert "Preview" not in html
    assert response["Last-Modified"]


@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_unpublished_meeting_is_404_for_visitors_and_previewable_by_staff(
    client, hidden_states, state
):
    meeting = MeetingFactory(title="Secret meeting", **hidden_states[state])
    assert client.get(meeting.get_absolute_url()).status_code == 404

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div class="preview-banner" role="status">' in html
    assert "Secret meeting" in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_staff_without_permission_cannot_preview(client):
    meeting = MeetingFactory(status=Status.DRAFT)
    client.force_login(UserFactory(is_staff=True))
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_series_options_keep_the_editorial_order_with_published_counts(client):
    later = MeetingTypeFactory(name="A series listed second", position=2)
    first = MeetingTypeFactory(name="Z series listed first", position=1)
    MeetingFactory(meeting_type=later)
    MeetingFactory(meeting_type=later, status=Status.DRAFT)
    html = main_of(page(client, reverse("news:meeting_list")))
    assert html.index(first.name) < html.index(later.name)
    assert f'{later.name} <span class="count">(1)</span>' in html
