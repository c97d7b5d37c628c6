"""A news item's picture in the API: its renditions with absolute URLs, never the original."""

import pytest

from news import services
from tests.factories import NewsItemFactory
from tests.news.test_renditions import image_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def pictured(db):
    item = NewsItemFactory(slug="pictured", image_alt="Officers training", image_caption="Drill")
    item.image = image_file(size=(1700, 1000))
    item.image_credit = "OSCE/Jane Doe"
    item.save()
    services.refresh_renditions(item)
    return item


def test_an_image_is_its_renditions_with_absolute_urls(client, pictured):
    image = client.get("/api/v1/news/pictured/").json()["image"]
    assert (image["alt"], image["caption"], image["credit"]) == (
        "Officers training",
        "Drill",
        "OSCE/Jane Doe",
    )
    assert set(image["renditions"]) == {"card", "hero"}
    hero = image["renditions"]["hero"]
    assert {(r["format"], r["width"]) for r in hero} == {
        (fmt, width) for fmt in ("jpg", "webp") for width in (800, 1200, 1600)
    }
    assert {r["mime_type"] for r in hero} == {"image/jpeg", "image/webp"}
    assert all(r["url"].startswith("https://www.example.org/") for r in hero)
    card = image["renditions"]["card"][0]
    assert card["height"] * 16 == card["width"] * 9
    assert pictured.image.name not in str(image)  # the original upload is never offered


def test_the_list_shows_the_same_image(client, pictured):
    listed = client.get("/api/v1/news/").json()["results"][0]["image"]
    assert listed == client.get("/api/v1/news/pictured/").json()["image"]
