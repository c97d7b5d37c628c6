"""The projects' and the documents' listing pages keep through listing moves that cannot change
them, as the news' do (core.listing_reach): a news edit keeps them all, and a project's or a
document's change keeps the pages it can reach neither before nor after it. Checked against
real renders on random changes."""

import datetime
import random

import pytest

from core.publishing import Status
from documents.models import DocumentType
from osce_site.page_cache import HEADER
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    ProjectFactory,
)
from tests.production.page_cache.pages import fetch, kept_and_rendered

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = (
    "/projects/",
    "/projects/?country=austria",
    "/projects/?field_of_work=elections&country=serbia",
    "/projects/?year_from=2018&year_to=2019",
    "/projects/?field_of_work=policing&year_from=2021",
    "/projects/?q=police",
    # A status the index cannot name: kept through other listings' moves only.
    "/projects/?status=completed",
    "/projects/?status=ongoing&country=serbia",
    "/documents/",
    "/documents/?country=austria",
    "/documents/?type=guide&field_of_work=elections",
    "/documents/?year_from=2021&year_to=2022",
    "/documents/?q=election&country=serbia",
)


@pytest.fixture
def taxonomy():
    DocumentType.objects.get_or_create(slug="report", defaults={"name": "Report"})
    DocumentType.objects.get_or_create(slug="guide", defaults={"name": "Guide"})
    return {
        "policing": FieldOfWorkFactory(slug="policing", name="Policing"),
        "elections": FieldOfWorkFactory(slug="elections", name="Elections"),
        "serbia": CountryFactory(slug="serbia", name="Serbia"),
        "austria": CountryFactory(slug="austria", name="Austria"),
    }


def stored(visitor, *urls):
    for url in urls:
        fetch(visitor, url)
        assert visitor.get(url)[HEADER] == "HIT", url


def test_a_news_edit_keeps_every_project_and_document_page(visitor, taxonomy):
    ProjectFactory(title="Police training", countries=[taxonomy["austria"]])
    DocumentFactory(title="Election report", countries=[taxonomy["serbia"]])
    item = NewsItemFactory(title="Border police trained", fields_of_work=[taxonomy["policing"]])
    stored(visitor, *PAGES)
    item.teaser = "An edited teaser."
    item.save()
    item.fields_of_work.add(taxonomy["elections"])
    for url in PAGES:
        assert visitor.get(url)[HEADER] == "HIT", url


def test_a_status_page_is_rendered_again_by_a_project_change(visitor, taxonomy):
    project = ProjectFactory(title="Police training", countries=[taxonomy["austria"]])
    stored(visitor, "/projects/?status=completed")
    project.countries.add(taxonomy["serbia"])
    assert visitor.get("/projects/?status=completed")[HEADER] == "MISS"


def test_a_document_moved_outside_the_filters_keeps_the_page(visitor, taxonomy):
    document = DocumentFactory(title="Election guide", countries=[taxonomy["serbia"]])
    stored(visitor, "/documents/?country=austria&field_of_work=elections")
    document.document_type = DocumentType.objects.get(slug="guide")
    document.save()
    assert visitor.get("/documents/?country=austria&field_of_work=elections")[HEADER] == "HIT"
    # Among its results now: rendered again.
    document.countries.add(taxonomy["austria"])
    document.fields_of_work.add(taxonomy["elections"])
    assert visitor.get("/documents/?country=austria&field_of_work=elections")[HEADER] == "MISS"


def test_a_project_running_into_a_period_renders_it_again(visitor, taxonomy):
    project = ProjectFactory(start_date=datetime.date(2015, 1, 1))
    project.end_date = datetime.date(2016, 12, 31)
    project.save()
    stored(visitor, "/projects/?year_from=2018&year_to=2019")
    project.end_date = datetime.date(2017, 6, 30)
    project.save()
    assert visitor.get("/projects/?year_from=2018&year_to=2019")[HEADER] == "HIT"
    project.end_date = datetime.date(2018, 3, 31)
    project.save()
    response, body = fetch(visitor, "/projects/?year_from=2018&year_to=2019")
    assert response[HEADER] == "MISS"
    assert project.title in body


def random_change(rng, items, taxonomy):
    """One change an editor could make to a random project or document, through the model."""
    item = rng.choice(items)
    kind = rng.choice(["field", "country", "date", "status", "title", "type"])
    if kind == "field":
        field = taxonomy[rng.choice(["policing", "elections"])]
        (item.fields_of_work.remove if rng.random() < 0.5 else item.fields_of_work.add)(field)
    elif kind == "country":
        item.countries.set([taxonomy[rng.choice(["serbia", "austria"])]][: rng.randint(0, 1)])
    elif kind == "date":
        year = rng.randint(2016, 2023)
        if hasattr(item, "end_date"):
            item.start_date = datetime.date(year, 1, 1)
            item.end_date = datetime.date(year + rng.randint(0, 2), 12, 31)
        else:
            item.publication_date = datetime.date(year, 6, 1)
        item.save()
    elif kind == "status":
        item.status = rng.choice([Status.DRAFT, Status.PUBLISHED, Status.PUBLISHED])
        item.save()
    elif kind == "title":
        item.title = rng.choice(["Police reform", "Election report", "Water and borders"])
        item.save()
    elif hasattr(item, "document_type"):
        item.document_type = DocumentType.objects.get(slug=rng.choice(["report", "guide"]))
        item.save()


def test_a_page_kept_is_the_page_rendered_again(visitor, taxonomy, settings, monkeypatch):
    rng = random.Random(18)
    fields = ["policing", "elections"]
    countries = ["serbia", "austria"]
    items = [
        ProjectFactory(
            title=rng.choice(["Police reform", "Election support"]),
            start_date=datetime.date(rng.randint(2016, 2022), 1, 1),
            end_date=datetime.date(2023, 12, 31),
            fields_of_work=[taxonomy[rng.choice(fields)]],
            countries=[taxonomy[rng.choice(countries)]],
        )
        for _ in range(5)
    ] + [
        DocumentFactory(
            title=rng.choice(["Election guide", "Police manual"]),
            publication_date=datetime.date(rng.randint(2019, 2023), 3, 1),
            fields_of_work=[taxonomy[rng.choice(fields)]],
            countries=[taxonomy[rng.choice(countries)]],
        )
        for _ in range(5)
    ]
    kept, rendered = kept_and_rendered(
        visitor, settings, PAGES, 20, lambda: random_change(rng, items, taxonomy), monkeypatch
    )
    assert kept > 40
    assert rendered > 20
