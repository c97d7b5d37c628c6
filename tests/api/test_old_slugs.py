"""The API's item endpoints answer an old slug with 301 to the item's current API URL (in the
same language, `?lang=` kept), only while the item is public."""

import pytest

from news import services
from tests.factories import MeetingFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


def rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


@pytest.mark.parametrize(
    ("factory", "endpoint"),
    [(NewsItemFactory, "/api/v1/news/{}/"), (MeetingFactory, "/api/v1/meetings/{}/")],
    ids=["news", "meetings"],
)
@pytest.mark.parametrize(
    ("prefix", "query", "kept"),
    [("", "", ""), ("/ru", "", ""), ("", "?lang=fr&x=1", "?lang=fr")],
)
def test_an_old_slug_answers_301_to_the_current_api_url(
    client, factory, endpoint, prefix, query, kept
):
    rename(factory(slug="old-slug"), "new-slug")

    response = client.get(prefix + endpoint.format("old-slug") + query)

    assert response.status_code == 301
    assert response["Location"] == prefix + endpoint.format("new-slug") + kept
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert followed.json()["slug"] == "new-slug"


def test_an_unknown_slug_is_still_a_404(client):
    assert client.get("/api/v1/news/never-was/").status_code == 404


def test_a_hidden_item_is_a_404_not_a_redirect(client):
    item = rename(NewsItemFactory(slug="old-slug"), "new-slug")
    services.unpublish(item)

    assert client.get("/api/v1/news/old-slug/").status_code == 404
