"""A redirect is recorded at the model layer whenever the slug of something visitors can see
changes, whatever path saved it, and only then."""

import pytest
from django.contrib.contenttypes.models import ContentType

from core.publishing import Status
from news import services
from news.models import NewsItem
from redirects.models import SlugRedirect
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    NewsItemFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def redirects_of(obj):
    content_type = ContentType.objects.get_for_model(type(obj))
    return set(
        SlugRedirect.objects.filter(content_type=content_type, object_id=obj.pk).values_list(
            "old_slug", flat=True
        )
    )


def rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


@pytest.mark.parametrize(
    "factory",
    [NewsItemFactory, MeetingFactory, FieldOfWorkFactory, CountryFactory, StructureFactory],
)
def test_a_visible_objects_slug_change_is_recorded(factory):
    obj = factory(slug="first")
    rename(obj, "second")
    assert redirects_of(obj) == {"first"}


def test_a_save_that_keeps_the_slug_records_nothing():
    item = NewsItemFactory(slug="kept")
    item.title = "Another title"
    item.save()
    services.unpublish(item)
    assert not SlugRedirect.objects.exists()


def test_a_chain_of_renames_leads_every_old_slug_to_the_object():
    item = rename(rename(NewsItemFactory(slug="a"), "b"), "c")
    assert redirects_of(item) == {"a", "b"}
    assert {r.object_id for r in SlugRedirect.objects.all()} == {item.pk}


def test_taking_an_old_slug_back_removes_its_redirect_and_never_loops():
    item = rename(rename(NewsItemFactory(slug="a"), "b"), "a")
    assert redirects_of(item) == {"b"}


def test_a_new_object_with_an_old_slug_removes_that_redirect():
    old = rename(NewsItemFactory(slug="taken"), "moved")
    new = NewsItemFactory(slug="taken")
    assert redirects_of(old) == set()
    assert redirects_of(new) == set()


def test_the_same_slug_of_another_type_is_another_address():
    rename(NewsItemFactory(slug="shared"), "news-moved")
    MeetingFactory(slug="shared")
    assert SlugRedirect.objects.get().old_slug == "shared"


@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_a_hidden_items_slug_change_records_nothing(hidden_states, state):
    item = NewsItemFactory(slug="secret-plan", **hidden_states[state])
    rename(item, "public-name")
    assert not SlugRedirect.objects.exists()


def test_a_rename_and_unpublish_in_one_save_is_recorded_but_leads_nowhere_public():
    item = NewsItemFactory(slug="was-live")
    item.slug, item.status = "now-draft", Status.DRAFT
    item.save()
    assert redirects_of(item) == {"was-live"}


def test_deleting_the_object_deletes_its_redirects():
    item = rename(rename(NewsItemFactory(slug="a"), "b"), "c")
    other = rename(NewsItemFactory(slug="x"), "y")
    item.delete()
    assert set(SlugRedirect.objects.values_list("old_slug", flat=True)) == {"x"}
    NewsItem.objects.filter(pk=other.pk).delete()
    assert not SlugRedirect.objects.exists()


def test_a_scripts_save_with_update_fields_is_recorded():
    item = NewsItemFactory(slug="script-old")
    item.slug = "script-new"
    item.save(update_fields=["slug", "updated_at"])
    assert redirects_of(item) == {"script-old"}


def test_the_stored_slug_counts_not_a_stale_instance():
    item = NewsItemFactory(slug="one")
    stale = NewsItem.objects.get(pk=item.pk)
    rename(item, "two")
    # Loaded before the rename: its own `slug` says "one", the row says "two".
    stale.slug = "three"
    stale.save()
    assert redirects_of(item) == {"one", "two"}
