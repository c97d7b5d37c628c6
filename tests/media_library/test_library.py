"""The media library (issue 16): images as records reused across items — uploads join it,
items choose from it and take its alt text and credit unless they override them, the list
says how many items use each image, an image in use cannot be deleted, its focal point
decides where cards are cut, and its files are as private as the items showing it."""

import io

import pytest
from django.urls import reverse
from PIL import Image as Picture

from core.private_media import public_or_private
from core.publishing import Status
from documents.models import Document
from media_library.models import Image
from news import services
from news.models import NewsItem
from news.renditions import build_renditions, rendition_folder
from tests.documents.test_cover_image import document_post, jpeg
from tests.factories import StructureFactory
from tests.media_library.helpers import (
    DOCUMENT_ADD,
    NEWS_ADD,
    add_item,
    halves,
    library_post,
    upload_to_library,
)
from tests.news.admin.helpers import news_item_post, publishing_fields

pytestmark = pytest.mark.django_db


def test_an_upload_on_an_item_joins_the_library(client, editor):
    client.force_login(editor)
    item = add_item(client, "with-upload", image=halves(), image_alt_en="Own words")
    image = Image.objects.get()
    assert item.library_image == image
    assert image.file.name == item.image.name
    assert image.alt_en == "Own words"
    assert (image.width, image.height) == (1600, 400)


def test_items_choosing_an_image_share_its_file_and_take_its_alt_text(client, editor):
    client.force_login(editor)
    image = upload_to_library(client)
    inherits = add_item(client, "inherits", library_image=str(image.pk))
    overrides = add_item(
        client, "overrides", library_image=str(image.pk), image_alt_en="My own description"
    )
    for item in (inherits, overrides):
        assert item.image.name == image.file.name
        assert item.image_credit == "OSCE/Library"
    assert inherits.image_alt_en == "Trucks queue at a border crossing."
    assert overrides.image_alt_en == "My own description"
    assert Image.objects.count() == 1  # nothing was copied

    listing = client.get(reverse("admin:media_library_image_changelist"))
    assert "used in 2 items" in listing.content.decode()


def test_the_librarys_edits_reach_only_the_items_that_did_not_override_them(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    inherits = add_item(client, "inherits", library_image=str(image.pk))
    overrides = add_item(
        client, "overrides", library_image=str(image.pk), image_alt_en="My own description"
    )
    change = reverse("admin:media_library_image_change", args=[image.pk])
    response = client.post(change, library_post(alt_en="An empty border crossing at dawn."))
    assert response.status_code == 302
    inherits.refresh_from_db()
    overrides.refresh_from_db()
    assert inherits.image_alt_en == "An empty border crossing at dawn."
    assert overrides.image_alt_en == "My own description"


def test_an_image_without_alt_text_in_a_published_language_is_refused_on_the_item(client, editor):
    client.force_login(editor)
    image = upload_to_library(client, alt_en="")
    data = news_item_post([StructureFactory()], **publishing_fields(Status.DRAFT), slug="no-alt")
    data["library_image"] = str(image.pk)
    response = client.post(NEWS_ADD, data)
    assert response.status_code == 200
    assert "image_alt_en" in response.context["adminform"].form.errors
    assert not NewsItem.objects.exists()


def test_the_usage_page_lists_the_items_with_links(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    item = add_item(client, "user-one", library_image=str(image.pk))
    page = client.get(reverse("admin:media_library_image_usage", args=[image.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert reverse("admin:news_newsitem_change", args=[item.pk]) in html
    assert "This image is used in 1 item." in html


def test_deleting_an_image_in_use_is_refused_with_its_users(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    item = add_item(client, "keeps-it", library_image=str(image.pk))
    change_url = reverse("admin:news_newsitem_change", args=[item.pk])

    delete_url = reverse("admin:media_library_image_delete", args=[image.pk])
    page = client.get(delete_url)
    assert change_url in page.content.decode()
    assert page.context["protected"]
    client.post(delete_url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()

    action = client.post(
        reverse("admin:media_library_image_changelist"),
        {"action": "delete_selected", "_selected_action": [image.pk], "post": "yes"},
    )
    assert change_url in action.content.decode()
    assert Image.objects.filter(pk=image.pk).exists()


def test_an_image_no_item_uses_can_be_deleted(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    response = client.post(
        reverse("admin:media_library_image_delete", args=[image.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()


def card_colour(renditions):
    """The colour in the middle of the smallest JPEG card."""
    card = min(
        (entry for entry in renditions["slots"]["card"] if entry["format"] == "jpg"),
        key=lambda entry: entry["width"],
    )
    with public_or_private.open(card["name"], "rb") as handle:
        picture = Picture.open(io.BytesIO(handle.read())).convert("RGB")
    return picture.getpixel((picture.width // 2, picture.height // 2))


def test_the_focal_point_decides_where_cards_are_cut(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    left = build_renditions(image.file.name, focal=(0.1, 0.5))
    right = build_renditions(image.file.name, focal=(0.9, 0.5))
    red, blue = card_colour(left), card_colour(right)
    assert red[0] > 200 and red[2] < 60
    assert blue[2] > 200 and blue[0] < 60
    # The whole picture (the item page's hero) is not cut at all.
    assert left["slots"]["hero"] == right["slots"]["hero"]


def test_moving_the_focal_point_cuts_the_items_cards_again(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    item = add_item(client, "follows-focus", library_image=str(image.pk))
    assert card_colour(item.image_renditions)[0] < 250  # from the middle: half of each
    change = reverse("admin:media_library_image_change", args=[image.pk])
    response = client.post(change, library_post(focal_x="0.05", focal_y="0.5"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.image_renditions["focal"] == [0.05, 0.5]
    colour = card_colour(item.image_renditions)
    assert colour[0] > 200 and colour[2] < 60


def test_a_focal_point_outside_the_picture_is_a_form_error(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    change = reverse("admin:media_library_image_change", args=[image.pk])
    response = client.post(change, library_post(focal_x="1.5", focal_y="0.5"))
    assert response.status_code == 200
    assert "focal_x" in response.context["adminform"].form.errors
    response = client.post(change, library_post(focal_x="0.5", focal_y=""))
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()


def test_an_image_is_private_until_a_published_item_uses_it(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    name = image.file.name
    assert not public_or_private.is_public(name)
    draft = add_item(client, "draft-user", library_image=str(image.pk))
    assert not public_or_private.is_public(name)
    # The admin shows the editor the private original.
    thumb = client.get(reverse("admin:media_library_image_file", args=[image.pk]))
    assert thumb.status_code == 200
    assert "no-store" in thumb["Cache-Control"]

    live = add_item(client, "live-user", status=Status.PUBLISHED, library_image=str(image.pk))
    assert public_or_private.is_public(name)
    services.unpublish(draft)  # a draft already: nothing changes
    assert public_or_private.is_public(name)
    services.unpublish(live)
    assert not public_or_private.is_public(name)


def test_anonymous_visitors_cannot_fetch_a_library_file(client, publisher):
    client.force_login(publisher)
    image = upload_to_library(client)
    client.logout()
    response = client.get(reverse("admin:media_library_image_file", args=[image.pk]))
    assert response.status_code == 302  # to the admin's sign-in


def test_a_document_cover_is_a_library_image_as_an_items_picture_is(client, publisher):
    """Documents extend ImageContent: a cover uploaded on a document joins the library, another
    document may choose it (taking its alt text), usage counts both, a library edit reaches
    the one that did not override it, and the image cannot be deleted while they use it."""
    client.force_login(publisher)
    response = client.post(DOCUMENT_ADD, document_post(Status.DRAFT, jpeg()))
    assert response.status_code == 302, response.context["adminform"].form.errors
    uploaded = Document.objects.get(slug="community-policing-guidebook")
    image = uploaded.library_image
    assert image.file.name == uploaded.image.name
    assert image.alt_en == "The guidebook's cover: a police officer talking to residents"
    chosen_post = document_post(
        Status.DRAFT,
        jpeg(),
        slug="chosen-cover",
        image="",
        image_alt_en="",
        image_credit="",
        library_image=str(image.pk),
    )
    response = client.post(DOCUMENT_ADD, chosen_post)
    assert response.status_code == 302, response.context["adminform"].form.errors
    chosen = Document.objects.get(slug="chosen-cover")
    assert (chosen.library_image_id, chosen.image.name) == (image.pk, image.file.name)
    assert chosen.image_alt_en == image.alt_en
    listing = client.get(reverse("admin:media_library_image_changelist"))
    assert "used in 2 items" in listing.content.decode()
    change = reverse("admin:media_library_image_change", args=[image.pk])
    assert client.post(change, library_post(alt_en="New words.")).status_code == 302
    chosen.refresh_from_db()
    assert chosen.image_alt_en == "New words."
    delete = client.get(reverse("admin:media_library_image_delete", args=[image.pk]))
    for document in (uploaded, chosen):
        assert reverse("admin:documents_document_change", args=[document.pk]) in (
            delete.content.decode()
        )
    client.post(reverse("admin:media_library_image_delete", args=[image.pk]), {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()


def test_the_librarys_own_pages_answer_404_for_an_unknown_image(client, editor):
    client.force_login(editor)
    for name in ("media_library_image_file", "media_library_image_usage"):
        assert client.get(reverse(f"admin:{name}", args=[987654])).status_code == 404


def test_a_missing_file_answers_404_not_an_error(client, editor):
    client.force_login(editor)
    image = upload_to_library(client)
    public_or_private.delete(image.file.name)
    assert client.get(reverse("admin:media_library_image_file", args=[image.pk])).status_code == 404
    listing = client.get(reverse("admin:media_library_image_changelist") + "?o=3")
    assert listing.status_code == 200


def test_a_restored_choice_of_a_deleted_library_image_keeps_the_items_file(client, editor):
    client.force_login(editor)
    item = add_item(client, "restored", image=halves(), image_alt_en="Own words")
    name = item.image.name
    item = NewsItem.objects.get(pk=item.pk)
    NewsItem.objects.filter(pk=item.pk).update(library_image=None)
    Image.objects.filter(file=name).delete()
    item.library_image_id = 987654  # as a revision made before the deletion would restore it
    item.save()
    item.refresh_from_db()
    assert item.image.name == name
    assert item.library_image.file.name == name


def test_the_list_shows_small_thumbnails_not_the_originals(client, editor):
    client.force_login(editor)
    image = upload_to_library(client)
    listing = client.get(reverse("admin:media_library_image_changelist")).content.decode()
    thumbnail_url = reverse("admin:media_library_image_thumbnail", args=[image.pk])
    assert f'src="{thumbnail_url}"' in listing
    assert image.file.url not in listing

    thumb = client.get(thumbnail_url)
    assert thumb.status_code == 200
    assert thumb["Content-Type"] == "image/jpeg"
    picture = Picture.open(io.BytesIO(b"".join(thumb.streaming_content)))
    assert picture.size == (160, 40)  # the 1600×400 original, at the thumbnail's width
    # Made once, beside the renditions, so it is as private as they are and moves with them.
    stored = f"{rendition_folder(image.file.name)}/thumbnail-160.jpg"
    assert public_or_private.exists(stored) and not public_or_private.is_public(stored)


def test_a_missing_original_has_no_thumbnail_and_the_list_still_answers(client, editor):
    client.force_login(editor)
    image = upload_to_library(client)
    public_or_private.delete(image.file.name)
    thumbnail_url = reverse("admin:media_library_image_thumbnail", args=[image.pk])
    assert client.get(thumbnail_url).status_code == 404
    assert client.get(reverse("admin:media_library_image_changelist")).status_code == 200
