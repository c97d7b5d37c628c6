import pytest
from django.core.management import call_command

from tests.factories import CountryFactory, FieldOfWorkFactory, StructureFactory, UserFactory


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def tags(db):
    """A structure, a field of work and a country to tag content with."""
    return {
        "structure": StructureFactory(name="Secretariat", slug="secretariat"),
        "second_structure": StructureFactory(name="ODIHR office", slug="odihr-office"),
        "field": FieldOfWorkFactory(name="Policing", slug="policing"),
        "country": CountryFactory(name="Serbia", slug="serbia"),
    }


@pytest.fixture
def roles_ready(db):
    call_command("setup_roles", verbosity=0)


@pytest.fixture
def publisher_client(client, publisher):
    """A client signed in as the publisher, as most admin tests here need."""
    client.force_login(publisher)
    return client
