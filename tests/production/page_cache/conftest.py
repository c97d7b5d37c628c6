"""The page cache's tests: the cache on, an anonymous visitor, a signed-in newsroom, a site."""

import pytest
from django.test import Client

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    NewsItemFactory,
    StructureFactory,
)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def newsroom(publisher):
    """A publisher signed in as through the login form: the response that signs someone in
    carries the marker by which the page cache knows them (osce_site.signed_in)."""
    client = Client()
    client.force_login(publisher)
    client.get("/admin/")
    return client


@pytest.fixture
def site():
    structure = StructureFactory(slug="secretariat", name="Secretariat")
    field = FieldOfWorkFactory(slug="policing", name="Policing")
    country = CountryFactory(slug="serbia", name="Serbia")
    item = NewsItemFactory(
        title="Border police trained",
        slug="border-police-trained",
        issued_by=[structure],
        fields_of_work=[field],
        countries=[country],
    )
    MeetingFactory(slug="ministerial-council", fields_of_work=[field])
    return item
