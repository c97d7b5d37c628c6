"""An old address answers 301 to the object's current one, in the same language, only while
the object is public; the page cache never serves a stale answer."""

import pytest

from core.publishing import Status
from news import services
from redirects.models import SlugRedirect
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    NewsItemFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db

DETAIL_PAGES = [
    (NewsItemFactory, "/news/{}/"),
    (MeetingFactory, "/meetings/{}/"),
    (FieldOfWorkFactory, "/fields-of-work/{}/"),
    (CountryFactory, "/countries/{}/"),
    (StructureFactory, "/structures/{}/"),
]


def rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


@pytest.mark.parametrize(("factory", "path"), DETAIL_PAGES)
@pytest.mark.parametrize("prefix", ["", "/ru"])
def test_an_old_slug_answers_301_to_the_current_address(client, factory, path, prefix):
    rename(factory(slug="old-name"), "new-name")

    response = client.get(prefix + path.format("old-name") + "?utm_source=mail&page=2")

    assert response.status_code == 301
    # The same language, the current slug, no query string.
    assert response["Location"] == prefix + path.format("new-name")
    assert client.get(response["Location"]).status_code == 200


def test_a_chain_answers_with_one_hop(client):
    rename(rename(NewsItemFactory(slug="a"), "b"), "c")
    for old in ("a", "b"):
        response = client.get(f"/news/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/news/c/")


def test_a_new_item_with_the_old_slug_wins(client):
    rename(NewsItemFactory(slug="taken", title="Old item"), "moved")
    NewsItemFactory(slug="taken", title="New item")

    response = client.get("/news/taken/")

    assert response.status_code == 200
    assert "New item" in response.content.decode()


def test_a_redirect_to_an_unpublished_item_is_a_404(client):
    item = rename(NewsItemFactory(slug="old"), "new")
    services.unpublish(item)
    assert client.get("/news/old/").status_code == 404


@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_no_redirect_ever_reveals_a_hidden_item(client, hidden_states, state):
    item = rename(NewsItemFactory(slug="was-live"), "live-name")
    type(item).objects.filter(pk=item.pk).update(**hidden_states[state])
    response = client.get("/news/was-live/")
    assert response.status_code == 404
    assert "live-name" not in response.content.decode()


def test_a_drafts_rename_leaves_the_old_address_a_404(client):
    item = rename(NewsItemFactory(slug="draft-name", status=Status.DRAFT), "final-name")
    services.publish(item)
    assert client.get("/news/draft-name/").status_code == 404
    assert client.get("/news/final-name/").status_code == 200


def test_a_redirect_whose_object_is_deleted_is_a_404(client):
    item = rename(MeetingFactory(slug="old"), "new")
    item.delete()
    assert client.get("/meetings/old/").status_code == 404


def test_an_unknown_slug_is_still_a_404(client):
    assert client.get("/news/never-existed/").status_code == 404
    assert client.get("/structures/never-existed/").status_code == 404


def test_a_redirect_is_public_for_a_minute_only(client):
    rename(NewsItemFactory(slug="old"), "new")
    response = client.get("/news/old/")
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


class TestPageCache:
    @pytest.fixture(autouse=True)
    def _page_cache(self, settings):
        settings.PAGE_CACHE = True

    def test_the_old_page_then_the_redirect_then_the_new_owner(self, client):
        item = NewsItemFactory(slug="first", title="First title")
        client.get("/news/first/")
        assert client.get("/news/first/")["X-Page-Cache"] == "HIT"

        rename(item, "second")
        response = client.get("/news/first/")
        assert (response.status_code, response["Location"]) == (301, "/news/second/")
        assert response["X-Page-Cache"] == "MISS"
        assert client.get("/news/first/")["X-Page-Cache"] == "HIT"

        # A new item takes the old slug as a draft: the redirect goes and the address is a
        # 404 (nothing of the draft shows), never the stored 301.
        newcomer = NewsItemFactory(slug="first", title="Newcomer", status=Status.DRAFT)
        assert client.get("/news/first/").status_code == 404
        services.publish(newcomer)
        response = client.get("/news/first/")
        assert response.status_code == 200
        assert "Newcomer" in response.content.decode()

    def test_a_deleted_redirect_is_not_served_from_the_cache(self, client):
        rename(FieldOfWorkFactory(slug="old-field"), "new-field")
        assert client.get("/fields-of-work/old-field/").status_code == 301
        assert client.get("/fields-of-work/old-field/")["X-Page-Cache"] == "HIT"
        SlugRedirect.objects.get().delete()
        assert client.get("/fields-of-work/old-field/").status_code == 404

    def test_an_unpublished_target_is_not_served_from_the_cache(self, client):
        item = rename(NewsItemFactory(slug="old"), "new")
        assert client.get("/ru/news/old/").status_code == 301
        assert client.get("/ru/news/old/")["X-Page-Cache"] == "HIT"
        services.unpublish(item)
        assert client.get("/ru/news/old/").status_code == 404

    def test_a_renamed_structures_stored_page_gives_way_to_the_redirect(self, client):
        structure = StructureFactory(slug="old-office")
        client.get("/de/structures/old-office/")
        assert client.get("/de/structures/old-office/")["X-Page-Cache"] == "HIT"
        rename(structure, "new-office")
        response = client.get("/de/structures/old-office/")
        assert (response.status_code, response["Location"]) == (301, "/de/structures/new-office/")
        assert client.get("/de/structures/new-office/").status_code == 200


@pytest.mark.parametrize("prefix", ["", "/ru"])
def test_a_renamed_meetings_calendar_subscription_keeps_working(client, prefix):
    rename(MeetingFactory(slug="old-meeting"), "new-meeting")
    response = client.get(f"{prefix}/meetings/old-meeting/calendar.ics")
    assert response.status_code == 301
    assert response["Location"] == f"{prefix}/meetings/new-meeting/calendar.ics"
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"{prefix}/meetings/never-was/calendar.ics").status_code == 404
