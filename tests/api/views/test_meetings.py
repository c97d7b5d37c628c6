"""`/api/v1/meetings/`: the `/meetings/` page's meetings and series counts for the same query."""

import datetime

import pytest
from django.utils import timezone

from core.publishing import Status
from documents.models import Document, DocumentType
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(db):
    today = timezone.localdate()
    council = MeetingTypeFactory(slug="council", name="Ministerial Council")
    summit = MeetingTypeFactory(slug="summit", name="Summits")
    MeetingTypeFactory(slug="empty", name="Empty series")
    past = [
        MeetingFactory(
            slug=f"past-{n:02d}",
            meeting_type=council if n % 3 else summit,
            start_date=today - datetime.timedelta(days=100 - n),
            end_date=today - datetime.timedelta(days=99 - n),
        )
        for n in range(25)
    ]
    upcoming = MeetingFactory(
        slug="next",
        meeting_type=council,
        start_date=today + datetime.timedelta(days=3),
        end_date=today + datetime.timedelta(days=4),
    )
    MeetingFactory(slug="draft-meeting", meeting_type=council, status=Status.DRAFT)
    return past, upcoming


@pytest.mark.parametrize(
    "query", ["", "type=council", "type=summit&type=council", "type=nope", "page=2"]
)
def test_same_meetings_and_series_counts_as_the_html_page(client, meetings, query):
    html = client.get(f"/meetings/?{query}")
    data = client.get(f"/api/v1/meetings/?{query}").json()
    assert [m["id"] for m in data["results"]] == [m.pk for m in html.context["past_meetings"]]
    assert [m["id"] for m in data["upcoming"]] == [m.pk for m in html.context["upcoming_meetings"]]
    assert data["count"] == html.context["paginator"].count
    (facet,) = data["facets"]
    assert facet["name"] == "type"
    assert {option["value"]: option["count"] for option in facet["options"]} == {
        series.slug: series.meeting_count for series in html.context["series_options"]
    }


def test_reports_unknown_series_and_normalises_the_query(client, meetings):
    data = client.get("/api/v1/meetings/?type=summit&type=nope&type=council").json()
    assert data["query"] == {"type": ["council", "summit"]}
    assert data["ignored"] == {"type": ["nope"]}
    assert data["notices"] == ["There is no meeting series “nope”: it was left out."]
    selected = [o["value"] for o in data["facets"][0]["options"] if o["selected"]]
    assert selected == ["council", "summit"]


def test_drafts_are_neither_listed_nor_counted(client, meetings):
    data = client.get("/api/v1/meetings/?type=council").json()
    slugs = {m["slug"] for m in [*data["results"], *data["upcoming"]]}
    assert "draft-meeting" not in slugs
    counts = {o["value"]: o["count"] for o in data["facets"][0]["options"]}
    assert counts == {"council": 17, "summit": 9, "empty": 0}
    assert client.get("/api/v1/meetings/draft-meeting/").status_code == 404


def test_paging_links(client, meetings):
    first = client.get("/api/v1/meetings/?type=council&type=summit").json()
    assert first["next"] == (
        "https://www.example.org/api/v1/meetings/?type=council&type=summit&page=2"
    )
    second = client.get("/api/v1/meetings/?type=council&type=summit&page=2").json()
    assert second["previous"] == (
        "https://www.example.org/api/v1/meetings/?type=council&type=summit"
    )
    assert second["next"] is None
    assert client.get("/api/v1/meetings/?page=3").status_code == 404


def test_a_meeting_has_every_public_field(client, db):
    country = CountryFactory(slug="austria", name="Austria", iso_code="AT")
    organiser = StructureFactory(slug="chair", name="Chairpersonship", acronym="CiO")
    field = FieldOfWorkFactory(slug="policing", name="Policing")
    meeting = MeetingFactory(
        slug="vienna-2024",
        title="Vienna Ministerial Council",
        meeting_type=MeetingTypeFactory(slug="council", name="Ministerial Council"),
        host_country=country,
        organiser=organiser,
        description="<p>Thirty-first meeting.</p>",
    )
    meeting.fields_of_work.set([field])
    official = DocumentType.objects.get(slug="official-document")
    Document.objects.create(
        title="Decision",
        slug="decision",
        document_type=official,
        publication_date=meeting.start_date,
        meeting=meeting,
        external_url="https://example.org/d.pdf",
        in_language_en=True,
        status="published",
    )
    data = client.get("/api/v1/meetings/vienna-2024/").json()
    assert data["title"] == "Vienna Ministerial Council"
    assert data["series"]["slug"] == "council"
    assert (data["start_date"], data["end_date"]) == ("2024-12-05", "2024-12-06")
    assert data["place"] == "Vienna"
    assert data["host_country"] == {
        "slug": "austria",
        "name": "Austria",
        "iso_code": "AT",
        "url": "https://www.example.org/countries/austria/",
    }
    assert data["organiser"]["acronym"] == "CiO"
    assert [f["slug"] for f in data["fields_of_work"]] == ["policing"]
    assert data["description"] == "<p>Thirty-first meeting.</p>"
    assert data["documents"] == [{"title": "Decision", "url": "https://example.org/d.pdf"}]
    assert data["url"] == "https://www.example.org/meetings/vienna-2024/"
    assert data["languages"] == ["en"]
