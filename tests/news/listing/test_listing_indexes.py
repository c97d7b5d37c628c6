"""Every indexed listing besides the news (projects, documents): its facet index answers exactly
what its SQL engine answers on random selections, is brought up to date in place exactly as a
rebuild would lay it out, and follows the calendar for what depends on today's date (a
project's status) without a new index."""

import datetime
import random

import pytest
from django.http import QueryDict
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.publishing import Status
from documents.listing import DOCUMENTS, DocumentFilter
from documents.models import Document, DocumentFile, DocumentType
from news.listing import index as facet_index
from news.listing.index_engine import IndexEngine
from news.listing.sql_engine import SqlEngine
from projects.listing import PROJECTS, ProjectFilter
from projects.models import Funding, Project, ProjectDonor, ProjectImplementer, ProjectStatus
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    DonorFactory,
    FieldOfWorkFactory,
    ProjectFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db

WORDS = ["police", "election", "media", "border", "youth"]
TAGS = ["en", "ru", "fr", "sr-Latn", "ky"]
TODAY = timezone.localdate()


def taxonomy():
    parent = StructureFactory()
    children = [StructureFactory(parent=parent) for _ in range(2)]
    grandchild = StructureFactory(parent=children[0])
    return {
        "fields": [FieldOfWorkFactory() for _ in range(4)],
        "countries": [CountryFactory() for _ in range(4)],
        "structures": [parent, *children, grandchild, StructureFactory()],
    }


def publishing(rng):
    """Mostly live, some drafts, some scheduled for tomorrow, some in French too."""
    state = rng.random()
    now = timezone.now()
    return {
        "status": Status.DRAFT if state < 0.1 else Status.PUBLISHED,
        "publish_at": now + datetime.timedelta(days=1) if 0.1 <= state < 0.15 else now,
        "in_language_fr": rng.random() < 0.3,
    }


def day(rng, first, last):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


@pytest.fixture
def projects():
    rng = random.Random(7)
    found = taxonomy()
    found["donors"] = [DonorFactory() for _ in range(4)]
    for n in range(70):
        # Around today, so that every status occurs; a few start on the same day.
        start = day(rng, TODAY - datetime.timedelta(days=3000), TODAY + datetime.timedelta(300))
        if n % 9 == 0:
            start = TODAY
        ProjectFactory(
            title=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.choice([0, 30, 400, 1500])),
            funding=rng.choice(Funding.values),
            fields_of_work=rng.sample(found["fields"], rng.randrange(0, 3)),
            countries=rng.sample(found["countries"], rng.randrange(0, 3)),
            implemented_by=rng.sample(found["structures"], rng.randrange(1, 3)),
            donors=rng.sample(found["donors"], rng.randrange(0, 3)),
            **publishing(rng),
        )
    return found


@pytest.fixture
def documents():
    rng = random.Random(7)
    found = taxonomy()
    found["types"] = [DocumentType.objects.create(name=f"Type {n}", slug=f"type-{n}") for n in "ab"]
    for n in range(70):
        document = DocumentFactory(
            title=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
            publication_date=day(rng, datetime.date(2012, 1, 1), datetime.date(2024, 12, 31)),
            document_type=rng.choice(found["types"]),
            fields_of_work=rng.sample(found["fields"], rng.randrange(0, 3)),
            countries=rng.sample(found["countries"], rng.randrange(0, 3)),
            issued_by=rng.sample(found["structures"], rng.randrange(1, 3)),
            **publishing(rng),
        )
        # Rows without PDFs (what the listing reads is the language): no extraction to wait for.
        DocumentFile.objects.bulk_create(
            DocumentFile(document=document, language=tag, file=f"documents/{n}-{tag}.pdf")
            for tag in rng.sample(TAGS, rng.randrange(0, 3))
        )
    return found


def slugs(rng, records, most=2):
    return [record.slug for record in rng.sample(records, rng.randrange(1, most + 1))]


def common_params(rng, corpus, params, tree):
    if rng.random() < 0.4:
        params.setlist("field_of_work", slugs(rng, corpus["fields"]))
    if rng.random() < 0.4:
        params.setlist("country", slugs(rng, corpus["countries"], 1))
    if rng.random() < 0.4:
        params.setlist(tree, slugs(rng, corpus["structures"], 1))
    if rng.random() < 0.3:
        params["year_from"] = str(rng.randrange(2012, 2027))
    if rng.random() < 0.3:
        params["year_to"] = str(rng.randrange(2015, 2029))
    if rng.random() < 0.3:
        params["q"] = rng.choice(WORDS)
        params["sort"] = rng.choice(["newest", "oldest", "relevance", ""])
    elif rng.random() < 0.3:
        params["sort"] = "oldest"


def project_queries(corpus, count=60):
    rng = random.Random(11)
    for _ in range(count):
        params = QueryDict(mutable=True)
        common_params(rng, corpus, params, "implemented_by")
        if rng.random() < 0.4:
            params.setlist("donor", slugs(rng, corpus["donors"]))
        if rng.random() < 0.4:
            params.setlist("status", rng.sample(ProjectStatus.values, rng.randrange(1, 3)))
        if rng.random() < 0.3:
            params.setlist("funding", [rng.choice(Funding.values)])
        yield params


def document_queries(corpus, count=60):
    rng = random.Random(11)
    for _ in range(count):
        params = QueryDict(mutable=True)
        common_params(rng, corpus, params, "issued_by")
        if rng.random() < 0.3:
            params.setlist("type", slugs(rng, corpus["types"], 1))
        if rng.random() < 0.4:
            params.setlist("language", rng.sample(TAGS, rng.randrange(1, 3)))
        yield params


def answers(engine, listing):
    """Everything an engine says about a selection."""
    counts = {spec.name: engine.counts(spec.name) for spec in listing.facets}
    additions = {spec.name: engine.additions(spec.name) for spec in listing.facets}
    total = engine.count()
    pages = [engine.ids(start, start + 7) for start in range(0, total + 7, 7)]
    return total, counts, additions, pages, engine.issuer_counts()


def compare(filter_class, queries):
    listing = filter_class.listing
    index = facet_index.current_index(listing)
    assert index is not None and index.size > 40
    compared = 0
    for params in queries:
        selection = filter_class(params).selection
        from_index = answers(IndexEngine(selection, index), listing)
        from_sql = answers(SqlEngine(selection), listing)
        assert from_index == from_sql, params.urlencode()
        compared += from_sql[0] > 0
    assert compared > 30, "most selections have results"


def test_the_projects_engines_answer_alike(projects):
    compare(ProjectFilter, project_queries(projects))


def test_the_documents_engines_answer_alike(documents):
    compare(DocumentFilter, document_queries(documents))


def test_the_listings_use_their_index(projects, documents):
    for filter_class in (ProjectFilter, DocumentFilter):
        filterset = filter_class(QueryDict())
        assert isinstance(filterset.engine, IndexEngine)
        assert filterset.engine.index.listing is filter_class.listing


def test_a_status_follows_the_calendar_without_a_new_index(projects, monkeypatch):
    """The index keeps dates, not statuses: at midnight the same index answers the new day's
    statuses, as SQL does."""
    index = facet_index.current_index(PROJECTS)
    params = QueryDict("status=ongoing&status=planned")
    before = answers(IndexEngine(ProjectFilter(params).selection, index), PROJECTS)
    for days in (1, 31, 401):
        later = TODAY + datetime.timedelta(days=days)
        monkeypatch.setattr(timezone, "localdate", lambda *args, later=later: later)
        selection = ProjectFilter(params).selection
        from_index = answers(IndexEngine(selection, index), PROJECTS)
        assert from_index == answers(SqlEngine(selection), PROJECTS)
        assert from_index != before


def test_the_shared_copy_keeps_the_ends(projects):
    index = facet_index.build_index("k", listing=PROJECTS)
    copy = facet_index.FacetIndex.from_bytes(index.to_bytes(), PROJECTS)
    assert list(copy.ends) == list(index.ends) and copy.bits == index.bits


# In-place updates (news.listing.index_delta), as tests/news/test_index_delta.py checks for news.


def layout(index):
    ends = None if index.ends is None else list(index.ends)
    return list(index.ids), list(index.ordinals), ends, index.bits


def change_project(corpus, action, which, choice):
    items = list(Project.objects.order_by("pk"))
    item = items[which % len(items)]
    rows = Project.objects.filter(pk=item.pk)
    match action:
        case "publish":
            rows.update(status=Status.PUBLISHED, publish_at=timezone.now(), expire_at=None)
        case "unpublish":
            rows.update(status=Status.DRAFT)
        case "redate":
            start = TODAY + datetime.timedelta(days=choice - 50)
            rows.update(start_date=start, end_date=start + datetime.timedelta(days=choice))
        case "funding":
            rows.update(funding=Funding.values[choice % 2])
        case "donor":
            ProjectDonor.objects.filter(project=item).delete()
            donor = corpus["donors"][choice % len(corpus["donors"])]
            ProjectDonor.objects.create(project=item, donor=donor, position=0)
        case "implementer":
            ProjectImplementer.objects.filter(project=item).delete()
            structure = corpus["structures"][choice % len(corpus["structures"])]
            ProjectImplementer.objects.create(project=item, structure=structure, position=0)
        case "create":
            start = TODAY - datetime.timedelta(days=choice)
            item = ProjectFactory(start_date=start, end_date=start + datetime.timedelta(days=9))
    return {item.pk}


def change_document(corpus, action, which, choice):
    items = list(Document.objects.order_by("pk"))
    item = items[which % len(items)]
    rows = Document.objects.filter(pk=item.pk)
    match action:
        case "publish":
            rows.update(status=Status.PUBLISHED, publish_at=timezone.now(), expire_at=None)
        case "unpublish":
            rows.update(status=Status.DRAFT)
        case "redate":
            rows.update(publication_date=datetime.date(2020, 1, 1 + choice % 3))
        case "funding":  # the document's type
            rows.update(document_type=corpus["types"][choice % 2])
        case "donor":  # a file in another language
            DocumentFile.objects.filter(document=item).delete()
            DocumentFile.objects.create(document=item, language=TAGS[choice % 5], file="x.pdf")
        case "implementer":
            item.countries.set(corpus["countries"][: choice % 3])
        case "create":
            item = DocumentFactory(publication_date=datetime.date(2020, 1, 1 + choice % 3))
    return {item.pk}


STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["publish", "unpublish", "redate", "funding", "donor", "implementer", "create"]
        ),
        st.integers(0, 99),
        st.integers(0, 99),
    ),
    min_size=1,
    max_size=5,
)


@pytest.mark.parametrize(
    ("listing", "corpus_name", "change"),
    [(PROJECTS, "projects", change_project), (DOCUMENTS, "documents", change_document)],
)
def test_an_index_caught_up_equals_one_built_afresh(request, listing, corpus_name, change):
    corpus = request.getfixturevalue(corpus_name)

    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(steps=STEPS)
    def check(steps):
        before = facet_index.build_index("before", 1, listing)
        touched = set()
        for action, which, choice in steps:
            touched |= change(corpus, action, which, choice)
        caught_up = before.caught_up("after", 2, touched)
        assert layout(caught_up) == layout(facet_index.build_index("after", 2, listing))

    check()
