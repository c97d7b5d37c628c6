"""Project alerts: the matcher selects among new projects exactly what the `/projects/`
listing selects for the same filter (the listing is the oracle), the filter is described in
the listing's words, and the mail lists each project with its dates, implementers, summary
and link."""

import datetime
import random
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import timezone

from alerts import matching
from alerts.filters import describe, match_items, normalise
from alerts.models import AlertFilter, Listing
from core.publishing import Status
from projects.listing import ProjectFilter
from projects.models import Funding, Project
from tests.alerts.helpers import alerts_to, subscribed
from tests.factories import DonorFactory, ProjectFactory

pytestmark = pytest.mark.django_db

STATUSES = ["planned", "ongoing", "completed"]


@pytest.fixture
def donors(db):
    return [
        DonorFactory(name="Norway", slug="norway"),
        DonorFactory(name="Germany", slug="germany"),
    ]


def random_query(rng):
    params = QueryDict(mutable=True)
    if rng.random() < 0.5:
        params.setlist("field_of_work", rng.sample(["policing", "elections"], rng.randint(1, 2)))
    if rng.random() < 0.4:
        params.setlist("country", rng.sample(["serbia", "albania"], rng.randint(1, 2)))
    if rng.random() < 0.4:
        params.setlist("implemented_by", [rng.choice(["secretariat", "policing-unit"])])
    if rng.random() < 0.4:
        params.setlist("donor", rng.sample(["norway", "germany", "nobody"], rng.randint(1, 2)))
    if rng.random() < 0.4:
        params.setlist("status", rng.sample(STATUSES, rng.randint(1, 2)))
    if rng.random() < 0.3:
        params["funding"] = rng.choice(Funding.values)
    if rng.random() < 0.3:
        params["year_from"] = rng.choice(["2018", "2024", "2031"])
    if rng.random() < 0.3:
        params["year_to"] = rng.choice(["2019", "2026", "2040"])
    if rng.random() < 0.2:
        params["q"] = rng.choice(["police", "election", "police training", "nothing"])
    return params


def test_matcher_agrees_with_the_projects_listing(tags, donors):
    rng = random.Random(18)
    today = timezone.localdate()
    for index in range(24):
        start = today + datetime.timedelta(days=rng.randint(-3000, 1500))
        ProjectFactory(
            title=rng.choice(["Police training", "Election support", "Budget reform"])
            + f" {index}",
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.randint(0, 1500)),
            funding=rng.choice(Funding.values),
            budget=Decimal(rng.randint(0, 10**6)),
            fields_of_work=rng.sample([tags["policing"], tags["elections"]], rng.randint(0, 2)),
            countries=rng.sample([tags["serbia"], tags["albania"]], rng.randint(0, 2)),
            implemented_by=rng.sample([tags["secretariat"], tags["unit"]], rng.randint(0, 1)),
            donors=rng.sample(donors, rng.randint(0, 2)),
        )
    ProjectFactory(title="Police draft", status=Status.DRAFT, fields_of_work=[tags["policing"]])
    ids = list(Project.objects.values_list("pk", flat=True))
    filters = []
    for _ in range(60):
        query = normalise(Listing.PROJECTS, random_query(rng), "en")
        filters.append(
            AlertFilter.objects.get_or_create(listing="projects", language="en", query=query)[0]
        )
    matches = match_items(Listing.PROJECTS, "en", ids, filters)
    nonempty = 0
    for alert_filter in filters:
        results = ProjectFilter(QueryDict(alert_filter.query)).results
        expected = set(results.ids(0, 1000))
        assert set(matches.get(alert_filter.pk, [])) == expected, alert_filter.query
        nonempty += bool(expected)
    assert nonempty > 10  # the filters are not all trivially empty


def test_project_filters_are_normalised_and_described_in_the_listings_words(tags, donors):
    query = normalise(
        Listing.PROJECTS,
        QueryDict("donor=norway&donor=nobody&status=ongoing&sort=oldest&field_of_work=policing"),
        "en",
    )
    assert query == "field_of_work=policing&donor=norway&status=ongoing"
    words = describe(Listing.PROJECTS, "en", query)
    assert words.startswith("Projects") and "Policing" in words and "Norway" in words
    assert describe(Listing.PROJECTS, "en", "") == "All projects"
    assert describe(Listing.PROJECTS, "de", "") == "Alle Projekte"


def test_a_published_project_is_mailed_with_dates_implementers_summary_and_link(
    tags, django_capture_on_commit_callbacks
):
    subscribed("projects@example.net", "field_of_work=policing", listing=Listing.PROJECTS)
    subscribed("elections@example.net", "field_of_work=elections", listing=Listing.PROJECTS)
    project = ProjectFactory(
        title="Community policing in Serbia",
        summary="Training police officers in community policing.",
        status=Status.DRAFT,
        start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2027, 2, 28),
        implemented_by=[tags["unit"], tags["secretariat"]],
        fields_of_work=[tags["policing"]],
    )
    with django_capture_on_commit_callbacks(execute=True):
        project.status = Status.PUBLISHED
        project.publish_at = timezone.now()
        project.save()
    [alert] = alerts_to("projects@example.net")
    assert alert.subject == "OSCE alert: Community policing in Serbia"
    assert "Community policing in Serbia" in alert.body
    assert "1 March 2025 – 28 February 2027" in alert.body
    assert "Policing Unit, Secretariat" in alert.body
    assert "Training police officers in community policing." in alert.body
    assert f"https://www.example.org/projects/{project.slug}/" in alert.body
    assert not alerts_to("elections@example.net")
    # Matched once: the sweep finds nothing more to owe.
    assert matching.sweep() == []


def test_the_projects_listing_offers_alerts_for_its_filter(client, tags):
    page = client.get("/projects/?field_of_work=policing").content.decode()
    assert 'href="/alerts/projects/?field_of_work=policing"' in page
    form = client.get("/alerts/projects/?field_of_work=policing").content.decode()
    assert "Projects in Policing" in form
