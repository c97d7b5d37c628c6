"""A save moves only what visitors can tell from it (website.invalidation,
core.content_changes): nothing for a row nobody sees, the item and the pages for an edit of a
visible one, the listings too when items come or go, everything for the taxonomy. The facet
index follows publishing in place, on this server and on the others."""

import datetime

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.content_state import (
    base_state,
    current_state,
    forget_state,
    listing_state,
    state_key,
)
from core.publishing import Status
from news import services
from news.listing import index as facet_index
from news.models import NewsItem, NewsItemIssuer
from news.views import listing as listing_view
from tests.factories import FieldOfWorkFactory, NewsItemFactory, StructureFactory
from tests.news.admin.helpers import news_item_post

pytestmark = pytest.mark.django_db(transaction=True)


def states():
    return state_key(), listing_state(), base_state()


@pytest.fixture
def builds(monkeypatch):
    """The facet indexes built from the whole database (not caught up from a delta)."""
    built = []
    build = facet_index.build_index

    def counting(*args, **kwargs):
        built.append(args)
        return build(*args, **kwargs)

    monkeypatch.setattr(facet_index, "build_index", counting)
    return built


@pytest.fixture
def rendered_cards(monkeypatch):
    """The ids of the items whose cards the listing rendered (rather than took from the
    cache)."""
    loaded = []
    load = listing_view.load_cards

    def counting(ids):
        loaded.extend(ids)
        return load(ids)

    monkeypatch.setattr(listing_view, "load_cards", counting)
    return loaded


def another_server(monkeypatch):
    """This process as another app server would be: no memo of the state, no index of its
    own."""
    forget_state()
    monkeypatch.setattr(facet_index, "_latest", {})


class TestANobodySeesMovesNothing:
    def test_a_draft_saved_in_the_admin_with_its_tags_and_revision(self, publisher):
        draft = NewsItemFactory(status=Status.DRAFT, slug="training-for-border-police")
        structure, field = StructureFactory(), FieldOfWorkFactory()
        index = facet_index.current_index()
        before = states()
        newsroom = Client()
        newsroom.force_login(publisher)
        data = news_item_post(
            [structure], status=Status.DRAFT, title="Draft", fields_of_work=[str(field.pk)]
        )
        response = newsroom.post(reverse("admin:news_newsitem_change", args=[draft.pk]), data)
        assert response.status_code == 302
        assert draft.fields_of_work.get() == field
        assert states() == before
        assert facet_index.current_index() is index

    def test_a_drafts_tags_and_issuers_by_script(self):
        draft = NewsItemFactory(status=Status.DRAFT)
        field, structure = FieldOfWorkFactory(), StructureFactory()
        before = states()
        draft.fields_of_work.add(field)
        with transaction.atomic():
            NewsItemIssuer.objects.create(news_item=draft, structure=structure)
        draft.delete()
        assert states() == before

    def test_an_unpublished_item_edited_and_a_scheduled_one_saved(self):
        unpublished = NewsItemFactory()
        services.unpublish(unpublished)
        before = states()
        unpublished.title = "Still hidden"
        unpublished.save()
        soon = timezone.now() + datetime.timedelta(hours=1)
        NewsItemFactory(publish_at=soon)
        assert states() == before
        # Only the next scheduled change is found again.
        assert current_state()[1] == pytest.approx(soon.timestamp())


class TestAPublishedEdit:
    def test_renders_only_that_items_card_again(self, rendered_cards):
        a, b = NewsItemFactory(title="Item A"), NewsItemFactory(title="Item B")
        visitor = Client()
        visitor.get("/news/")
        assert set(rendered_cards) == {a.pk, b.pk}
        index, listing = facet_index.current_index(), listing_state()
        content = state_key()
        rendered_cards.clear()
        a.title = "Item A, corrected"
        a.save()
        response = visitor.get("/news/")
        assert "Item A, corrected" in response.text and "Item B" in response.text
        assert rendered_cards == [a.pk]
        assert state_key() != content
        assert listing_state() == listing
        assert facet_index.current_index() is index

    def test_of_its_type_moves_the_listings(self, builds):
        item = NewsItemFactory(type="news")
        facet_index.current_index()
        before = listing_state()
        item.type = "press_release"
        item.save()
        assert listing_state() != before
        assert item.pk in facet_index.current_index().ids
        assert len(builds) == 1

    def test_of_the_taxonomy_moves_every_card(self, rendered_cards):
        structure = StructureFactory(name="Secretariat")
        item = NewsItemFactory(issued_by=[structure])
        Client().get("/news/")
        before = base_state()
        rendered_cards.clear()
        structure.name = "OSCE Secretariat"
        structure.save()
        assert base_state() != before
        assert "OSCE Secretariat" in Client().get("/news/").text
        assert rendered_cards == [item.pk]


class TestTheIndexFollowsPublishingInPlace:
    def test_publish_and_unpublish_on_this_server(self, builds):
        live = NewsItemFactory()
        draft = NewsItemFactory(status=Status.DRAFT)
        assert list(facet_index.current_index().ids) == [live.pk]
        services.publish(draft)
        assert set(facet_index.current_index().ids) == {live.pk, draft.pk}
        services.unpublish(live)
        assert list(facet_index.current_index().ids) == [draft.pk]
        assert len(builds) == 1

    def test_publish_and_unpublish_seen_by_another_server(self, builds, monkeypatch):
        live = NewsItemFactory()
        draft = NewsItemFactory(status=Status.DRAFT)
        facet_index.current_index()
        services.publish(draft)
        services.unpublish(live)
        another_server(monkeypatch)
        assert list(facet_index.current_index().ids) == [draft.pk]
        assert len(builds) == 1, "loaded from the shared copy and caught up"

    def test_a_change_without_a_delta_rebuilds(self, builds):
        facet_index.current_index()
        FieldOfWorkFactory()
        item = NewsItemFactory()
        assert item.pk in facet_index.current_index().ids
        assert len(builds) == 2


class TestScheduledMoments:
    def test_an_item_coming_due_after_another_change_is_listed(self, clock):
        NewsItemFactory()
        soon = NewsItemFactory(publish_at=timezone.now() + datetime.timedelta(seconds=0.5))
        facet_index.current_index()
        clock.advance(1)
        # Another save finds the next scheduled change anew before anyone looked.
        other = NewsItemFactory()
        assert {soon.pk, other.pk} <= set(facet_index.current_index().ids)

    def test_a_schedule_that_passes_before_its_commit_is_listed(self, clock):
        facet_index.current_index()
        with transaction.atomic():
            item = NewsItemFactory(publish_at=timezone.now() + datetime.timedelta(seconds=0.5))
            clock.advance(1)
        assert item.pk in facet_index.current_index().ids
        assert NewsItem.objects.published().filter(pk=item.pk).exists()

    def test_a_featuring_that_ends_moves_the_pages_not_the_listings(self, clock):
        """`featured_until` is a scheduled moment of how an item is shown (the home page's
        lead), not of where it is listed: when it passes the content moves, the listings and
        their index stay."""
        item = NewsItemFactory(featured_until=timezone.now() + datetime.timedelta(seconds=30))
        index = facet_index.current_index()
        content, listing = state_key(), listing_state()
        assert current_state()[1] == pytest.approx(item.featured_until.timestamp())
        clock.advance(31)
        assert state_key() != content
        assert listing_state() == listing
        assert facet_index.current_index() is index

    def test_featuring_a_visible_item_moves_the_pages_and_the_listings_by_a_delta(self, builds):
        """Which item leads the home page is a listing's membership: a stored home page that
        never read the newly featured item depends on the listing state for it
        (core.page_dependencies). The facet index is brought up to date, not rebuilt."""
        item = NewsItemFactory()
        facet_index.current_index()
        content, listing = state_key(), listing_state()
        item.featured_until = timezone.now() + datetime.timedelta(days=1)
        item.save()
        assert state_key() != content
        assert listing_state() != listing
        assert item.pk in facet_index.current_index().ids
        assert len(builds) == 1
        # Its end is the next scheduled change.
        assert current_state()[1] == pytest.approx(item.featured_until.timestamp())
