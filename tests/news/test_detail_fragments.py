"""The item page's fragments are cached per content state, language and item: a change shows
at once, each language has its own, and previews are never stored (news.views.detail)."""

import pytest
from django.contrib.auth.models import Permission

from core.publishing import Status
from news.models import NewsItem
from tests.factories import FieldOfWorkFactory, NewsItemFactory, UserFactory

pytestmark = pytest.mark.django_db


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
