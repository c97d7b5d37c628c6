"""Queries of `/projects/` and `/documents/`, pinned as `/news/`'s are (tests/news/test_listing.py):
with their facet index ready, filtering, counting and paging take none, whatever the number
of items; what is left is the search, the page's rows and, for projects, the figures panel."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.listing.index_engine import IndexEngine
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    DonorFactory,
    FieldOfWorkFactory,
    ProjectFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def items(factory, tree, count):
    """`count` items tagged alike; the query string that filters them on every facet kind."""
    field, country, parent = FieldOfWorkFactory(), CountryFactory(), StructureFactory()
    child = StructureFactory(parent=parent)
    extra = {"donors": [DonorFactory()]} if factory is ProjectFactory else {}
    for n in range(count):
        factory(
            title=f"item {n}",
            fields_of_work=[field],
            countries=[country],
            **{tree: [child, parent] if n % 2 else [child]},
            **extra,
        )
    return f"field_of_work={field.slug}&country={country.slug}&{tree}={parent.slug}&year_from=2000"


LISTINGS = {
    # /projects/: the page's rows and their implementers (two), the figures panel (three).
    "projects": (ProjectFactory, "implemented_by", 5),
    # /documents/: the page's rows, their issuers and their files (three).
    "documents": (DocumentFactory, "issued_by", 3),
}


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    assert isinstance(response.context["filter"].engine, IndexEngine)
    return len(captured)


@pytest.mark.parametrize("name", list(LISTINGS))
@pytest.mark.parametrize("count", [25, 50])
def test_a_filtered_page_costs_the_same_whatever_the_number_of_items(client, name, count):
    factory, tree, expected = LISTINGS[name]
    query = items(factory, tree, count)
    # The menu and the options, once per state (no results: no card is cached).
    client.get(f"/{name}/?year_to=1990")
    assert queries(client, f"/{name}/?{query}&sort=oldest&page=2") == expected
    # Search words: their matches (one, shared by every filter and page) and the page's
    # highlights (one).
    assert queries(client, f"/{name}/?{query}&q=item&page=2") == expected + 2


@pytest.mark.parametrize("name", list(LISTINGS))
@pytest.mark.parametrize("count", [3, 30])
def test_the_unfiltered_listing(client, name, count):
    factory, tree, expected = LISTINGS[name]
    items(factory, tree, count)
    client.get(f"/{name}/?year_to=1990")
    assert queries(client, f"/{name}/") == expected
