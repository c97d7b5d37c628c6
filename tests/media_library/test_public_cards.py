"""A moved focal point reaches what visitors see: the items' cards are cut again without the
items being saved, so the pages and cached cards showing them must move all the same
(core.content_changes)."""

import pytest
from django.test import Client
from django.urls import reverse

from core.publishing import Status
from news.renditions import focal_suffix
from tests.media_library.helpers import add_item, library_post, upload_to_library

pytestmark = pytest.mark.django_db(transaction=True)


def test_moving_the_focal_point_recuts_the_cards_visitors_see(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    add_item(client, "public-focus", status=Status.PUBLISHED, library_image=str(image.pk))
    visitor = Client()
    listing = visitor.get("/news/").content.decode()
    assert "card-400.jpg" in listing

    change = reverse("admin:media_library_image_change", args=[image.pk])
    response = client.post(change, library_post(focal_x="0.05", focal_y="0.5"))
    assert response.status_code == 302

    listing = visitor.get("/news/").content.decode()
    assert f"card-400{focal_suffix((0.05, 0.5))}.jpg" in listing
