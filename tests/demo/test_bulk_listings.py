"""`seed_demo --projects N --documents N`: the benchmark's many projects and documents, in
batches, tagged on the real taxonomy, replaced by the next run, and listed by both engines."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from demo.bulk_listings import BULK_URL_PREFIX
from documents.listing import DocumentFilter
from documents.models import Document, DocumentFile
from news.listing.index_engine import IndexEngine
from news.listing.sql_engine import SqlEngine
from projects.listing import ProjectFilter
from projects.models import Project

pytestmark = pytest.mark.django_db


def seed(projects, documents):
    call_command(
        "seed_demo",
        news=5,
        projects=projects,
        documents=documents,
        stdout=StringIO(),
        stderr=StringIO(),
    )


def bulk(model):
    return model.objects.filter(source_url__startswith=BULK_URL_PREFIX)


def test_it_writes_the_requested_numbers_with_their_tags_and_replaces_them(taxonomy):
    seed(projects=40, documents=60)
    seed(projects=30, documents=50)
    assert bulk(Project).count() == 30
    assert bulk(Document).count() == 50
    assert all(project.end_date >= project.start_date for project in bulk(Project))
    assert not bulk(Project).filter(implementers__isnull=True).exists()
    assert not bulk(Document).filter(issuers__isnull=True).exists()
    files = DocumentFile.objects.filter(document__in=bulk(Document))
    assert files.values("document").distinct().count() == 50
    assert files.values("language").distinct().count() > 3


def test_the_listings_count_them_alike_with_either_engine(taxonomy):
    seed(projects=50, documents=50)
    for filter_class, model in ((ProjectFilter, Project), (DocumentFilter, Document)):
        filterset = filter_class(QueryDict())
        assert isinstance(filterset.engine, IndexEngine)
        expected = model.objects.published().in_language("en").count()
        assert filterset.engine.count() == expected > 50
        assert SqlEngine(filterset.selection).count() == expected


def test_the_query_count_does_not_grow_with_the_numbers(taxonomy):
    counts = []
    for number in (10, 2100):
        seed(projects=5, documents=5)
        with CaptureQueriesContext(connection) as queries:
            seed(projects=number, documents=number)
        counts.append(len(queries))
    assert counts[1] - counts[0] <= 40, counts
