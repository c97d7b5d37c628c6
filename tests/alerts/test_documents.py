"""Document alerts: the matcher selects among new documents exactly what the `/documents/`
listing selects for the same filter (the listing is the oracle), the filter is described in
the listing's words, and the mail lists each document with its publication date, issuers,
summary and link."""

import datetime
import random

import pytest
from django.http import QueryDict
from django.utils import timezone

from alerts import matching
from alerts.filters import describe, match_items, normalise
from alerts.models import AlertFilter, Listing
from core.publishing import Status
from documents.listing import DocumentFilter
from documents.models import Document, DocumentType
from tests.alerts.helpers import alerts_to, subscribed
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def random_query(rng):
    params = QueryDict(mutable=True)
    if rng.random() < 0.5:
        params.setlist("field_of_work", rng.sample(["policing", "elections"], rng.randint(1, 2)))
    if rng.random() < 0.4:
        params.setlist("country", rng.sample(["serbia", "albania"], rng.randint(1, 2)))
    if rng.random() < 0.4:
        params.setlist("issued_by", [rng.choice(["secretariat", "policing-unit"])])
    if rng.random() < 0.4:
        params.setlist("type", rng.sample(["report", "decision", "nothing"], rng.randint(1, 2)))
    if rng.random() < 0.3:
        params.setlist("language", rng.sample(["en", "ru", "uk"], rng.randint(1, 2)))
    if rng.random() < 0.3:
        params["year_from"] = rng.choice(["2012", "2018", "2031"])
    if rng.random() < 0.3:
        params["year_to"] = rng.choice(["2015", "2022", "2040"])
    if rng.random() < 0.2:
        params["q"] = rng.choice(["police", "election", "police training", "nothing"])
    return params


def test_matcher_agrees_with_the_documents_listing(tags):
    rng = random.Random(19)
    decision, _ = DocumentType.objects.get_or_create(slug="decision", defaults={"name": "Decision"})
    report = DocumentType.objects.get(slug="report")
    for index in range(16):
        DocumentFactory(
            title=rng.choice(["Police training", "Election report", "Budget decision"])
            + f" {index}",
            document_type=rng.choice([report, decision]),
            publication_date=datetime.date(rng.randint(2010, 2026), 6, 1),
            fields_of_work=rng.sample([tags["policing"], tags["elections"]], rng.randint(0, 2)),
            countries=rng.sample([tags["serbia"], tags["albania"]], rng.randint(0, 2)),
            issued_by=rng.sample([tags["secretariat"], tags["unit"]], rng.randint(0, 1)),
            files=dict.fromkeys(rng.sample(["en", "ru", "uk"], 1), "text") if index % 3 else None,
        )
    DocumentFactory(title="Police draft", status=Status.DRAFT, fields_of_work=[tags["policing"]])
    ids = list(Document.objects.values_list("pk", flat=True))
    filters = []
    for _ in range(60):
        query = normalise(Listing.DOCUMENTS, random_query(rng), "en")
        filters.append(
            AlertFilter.objects.get_or_create(listing="documents", language="en", query=query)[0]
        )
    matches = match_items(Listing.DOCUMENTS, "en", ids, filters)
    nonempty = 0
    for alert_filter in filters:
        expected = set(DocumentFilter(QueryDict(alert_filter.query)).results.ids(0, 1000))
        assert set(matches.get(alert_filter.pk, [])) == expected, alert_filter.query
        nonempty += bool(expected)
    assert nonempty > 10  # the filters are not all trivially empty


def test_document_filters_are_normalised_and_described_in_the_listings_words(tags):
    query = normalise(
        Listing.DOCUMENTS,
        QueryDict("type=report&type=nothing&sort=oldest&field_of_work=policing"),
        "en",
    )
    assert query == "field_of_work=policing&type=report"
    words = describe(Listing.DOCUMENTS, "en", query)
    assert words.startswith("Publications") and "Policing" in words and "Report" in words
    assert describe(Listing.DOCUMENTS, "en", "") == "All publications"
    assert describe(Listing.DOCUMENTS, "de", "") == "Alle Publikationen"


def test_a_published_document_is_mailed_with_date_issuers_summary_and_link(
    tags, django_capture_on_commit_callbacks
):
    subscribed("documents@example.net", "field_of_work=policing", listing=Listing.DOCUMENTS)
    subscribed("elections@example.net", "field_of_work=elections", listing=Listing.DOCUMENTS)
    document = DocumentFactory(
        title="Community policing guidebook",
        summary="How police officers work with communities.",
        status=Status.DRAFT,
        publication_date=datetime.date(2025, 3, 1),
        issued_by=[tags["unit"], tags["secretariat"]],
        fields_of_work=[tags["policing"]],
    )
    with django_capture_on_commit_callbacks(execute=True):
        document.status = Status.PUBLISHED
        document.publish_at = timezone.now()
        document.save()
    [alert] = alerts_to("documents@example.net")
    assert alert.subject == "OSCE alert: Community policing guidebook"
    assert "1 March 2025" in alert.body
    assert "Policing Unit, Secretariat" in alert.body
    assert "How police officers work with communities." in alert.body
    assert f"https://www.example.org/documents/{document.slug}/" in alert.body
    assert not alerts_to("elections@example.net")
    # Matched once: the sweep finds nothing more to owe.
    assert matching.sweep() == []


def test_the_documents_listing_offers_alerts_for_its_filter(client, tags):
    page = client.get("/documents/?field_of_work=policing").content.decode()
    assert 'href="/alerts/documents/?field_of_work=policing"' in page
    form = client.get("/alerts/documents/?field_of_work=policing").content.decode()
    assert "Publications in Policing" in form
