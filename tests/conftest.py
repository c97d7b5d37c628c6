import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache so cached pages never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_between_requests():
    """Each test starts in English. A request through LocaleMiddleware leaves its language
    active in the thread, and modeltranslation writes `title=` to the active language."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def roles(db):
    from django.core.management import call_command

    call_command("setup_roles", verbosity=0)
    return {group.name: group for group in Group.objects.all()}


@pytest.fixture
def editor(roles):
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(roles["Editor"])
    return user


@pytest.fixture
def publisher(roles):
    user = UserFactory(username="publisher", is_staff=True)
    user.groups.add(roles["Publisher"])
    return user


@pytest.fixture
def taxonomy(db):
    """The real organisation, as `load_taxonomy` loads it."""
    from django.core.management import call_command

    call_command("load_taxonomy", verbosity=0)
