"""The item page's fragments are kept per language and item under what they show (the item's
version, its related items', the listing and base states: `{% cache_shown %}`, core.fragments):
a change of any of those shows at once on the uncached page, an edit of another item keeps
them, each language has its own, and previews are never stored (news.views.detail)."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.publishing import Status
from news.models import NewsItem
from tests.factories import (
    FieldOfWorkFactory,
    NewsItemFactory,
    StructureFactory,
    UserFactory,
)

# Committed, as a save by an editor is: inside a test's transaction every visible change reads
# under states of its own, and each fragment would be rendered again whatever it shows.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def item():
    field = FieldOfWorkFactory(name="Policing")
    NewsItemFactory(title="An older neighbour", fields_of_work=[field])
    return NewsItemFactory(title="The item", body="<p>First body</p>", fields_of_work=[field])


def test_an_edit_shows_at_once(client, item):
    client.get(item.get_absolute_url())
    item.body = "<p>Second body</p>"
    item.save()

    text = client.get(item.get_absolute_url()).text

    assert "Second body" in text
    assert "First body" not in text


def test_a_newly_published_related_item_shows_at_once(client, item):
    client.get(item.get_absolute_url())
    NewsItemFactory(title="A fresh neighbour", fields_of_work=list(item.fields_of_work.all()))

    assert "A fresh neighbour" in client.get(item.get_absolute_url()).text


def test_each_language_has_its_own_fragments(client, item):
    english = client.get(item.get_absolute_url()).text
    french = client.get(f"/fr{item.get_absolute_url()}").text

    assert 'lang="fr"' in french
    assert english.count("Related news") == 1
    assert "Related news" not in french  # translated (the heading of the French page)


def test_previews_are_rendered_afresh(client):
    draft = NewsItemFactory(title="Draft title", status=Status.DRAFT)
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_newsitem"))
    client.force_login(user)
    client.get(draft.get_absolute_url())
    # No signal, so the content state stays: a stored fragment would still be served.
    NewsItem.objects.filter(pk=draft.pk).update(body_en="<p>Changed quietly</p>")

    assert "Changed quietly" in client.get(draft.get_absolute_url()).text


def test_an_unpublished_item_is_gone_at_once(client, item):
    assert client.get(item.get_absolute_url()).status_code == 200
    item.status = Status.DRAFT
    item.save()

    assert client.get(item.get_absolute_url()).status_code == 404


def test_an_edit_of_a_related_item_shows_at_once(client, item):
    neighbour = NewsItem.objects.get(title_en="An older neighbour")
    assert "An older neighbour" in client.get(item.get_absolute_url()).text
    neighbour.title = "A renamed neighbour"
    neighbour.save()

    text = client.get(item.get_absolute_url()).text

    assert "A renamed neighbour" in text
    assert "An older neighbour" not in text


def test_a_new_name_of_the_issuing_structure_shows_at_once(client):
    structure = StructureFactory(name="Office in Somewhere")
    item = NewsItemFactory(title="Issued item", issued_by=[structure])
    assert "Office in Somewhere" in client.get(item.get_absolute_url()).text
    structure.name = "Office in Elsewhere"
    structure.save()

    text = client.get(item.get_absolute_url()).text

    assert "Office in Elsewhere" in text
    assert "Office in Somewhere" not in text


def test_a_new_translation_shows_at_once(client, item):
    french_url = f"/fr{item.get_absolute_url()}"
    assert "Texte français" not in client.get(french_url).text
    item.title_fr = "Texte français"
    item.body_fr = "<p>Corps français</p>"
    item.in_language_fr = True
    item.save()

    text = client.get(french_url).text

    assert "Texte français" in text
    assert "Corps français" in text


def test_an_edit_of_an_item_it_does_not_show_keeps_its_fragments(client, item):
    other = NewsItemFactory(title="Somewhere else entirely")
    client.get(item.get_absolute_url())
    other.title = "Still somewhere else"
    other.save()

    with CaptureQueriesContext(connection) as queries:
        text = client.get(item.get_absolute_url()).text

    assert "First body" in text
    # Its id, row and both fragments come from the cache: nothing is rendered again, and an
    # edit that moves no schedule keeps the next scheduled change known (core.content_state):
    # not one query.
    assert queries.captured_queries == []


def test_a_fragment_stored_under_an_old_version_is_not_served(client, item):
    """Whatever a process kept (core.fragments.LOCAL), a version moved by another process
    (here: in the shared cache alone, as another server's save would) renders it again."""
    from django.core.cache import cache

    from core.content_changes import item_key

    client.get(item.get_absolute_url())
    NewsItem.objects.filter(pk=item.pk).update(body_en="<p>Changed elsewhere</p>")
    cache.set(item_key(NewsItem, item.pk), "moved-by-another-server", None)

    assert "Changed elsewhere" in client.get(item.get_absolute_url()).text
