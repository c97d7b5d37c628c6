"""The picture of an item that is not public is not public either (issue 14, section 4): a
draft's or an embargoed item's image and its renditions answer 404 to anonymous visitors at
/media/ (served the way Django serves it under DEBUG) and at the image view, and the files are
outside the folder nginx serves; editors' previews show them; publishing makes them public,
unpublishing, replacing and deleting private again."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from core.publishing import Status
from news import services
from news.models import NewsItem
from news.renditions import build_renditions
from tests.factories import NewsItemFactory, StructureFactory
from tests.news.admin.helpers import news_item_post, publishing_fields

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.media_urls")]

ADD_URL = reverse("admin:news_newsitem_add")
IMAGE_URL = re.compile(r'(?:src|srcset)="([^"]+)"')


def jpeg(colour="navy"):
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 700), colour).save(buffer, "JPEG")
    return SimpleUploadedFile("embargoed press photo.jpg", buffer.getvalue())


def upload(client, status=Status.DRAFT, slug="embargoed-statement"):
    """An item with a picture, added through the admin as an editor or a publisher does."""
    data = news_item_post(
        [StructureFactory()], **publishing_fields(status), image_alt="A photo", slug=slug
    )
    data["image"] = jpeg()
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return NewsItem.objects.get(slug=slug)


def files_of(item):
    item.refresh_from_db()
    names = [item.image.name]
    for entries in item.image_renditions["slots"].values():
        names.extend(entry["name"] for entry in entries)
    return names


def under_media_root(name, settings):
    return (Path(settings.MEDIA_ROOT) / name).exists()


def picture_urls(client, item):
    """Every image URL the item's page shows this client."""
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    urls = []
    for picture in re.findall(r"<picture.*?</picture>", response.content.decode(), re.S):
        for value in IMAGE_URL.findall(picture):
            urls.extend(part.split()[0] for part in value.split(","))
    assert urls, "the page shows the picture"
    return urls


def assert_hidden(item, settings):
    """What an anonymous visitor could try for every file of the item's picture: 404."""
    anonymous = Client()
    for name in files_of(item):
        assert not under_media_root(name, settings), name
        assert anonymous.get(f"/media/{name}").status_code == 404, name
        view = reverse("news_image", kwargs={"pk": item.pk, "name": name})
        assert anonymous.get(view).status_code == 404, name


def assert_public(item, settings):
    anonymous = Client()
    for name in files_of(item):
        assert under_media_root(name, settings), name
        response = anonymous.get(f"/media/{name}")
        assert response.status_code == 200, name
        b"".join(response.streaming_content)  # as a WSGI server would, closing it
    assert all(url.startswith("/media/") for url in picture_urls(anonymous, item))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_a_drafts_picture_is_nowhere_public(editor_client, settings):
    item = upload(editor_client)
    assert_hidden(item, settings)
    for name in files_of(item):
        assert (Path(settings.PRIVATE_MEDIA_ROOT) / name).exists(), name
    # Not even under the name of a published item's picture view.
    public = upload(editor_client, slug="published-item")
    services.publish(public)
    view = reverse("news_image", kwargs={"pk": public.pk, "name": item.image.name})
    assert Client().get(view).status_code == 404


def test_an_embargoed_picture_is_hidden_until_its_time_then_public(publisher_client, settings):
    item = upload(publisher_client)
    services.schedule(item, timezone.now() + datetime.timedelta(hours=2))
    assert_hidden(item, settings)
    # The time comes (the clock, no save): the page shows the picture through Django at once…
    NewsItem.objects.filter(pk=item.pk).update(publish_at=timezone.now())
    anonymous = Client()
    for url in picture_urls(anonymous, item):
        assert not url.startswith("/media/"), url
        response = anonymous.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"]
        b"".join(response.streaming_content)  # as a WSGI server would, closing it
    # …and from the public storage once the cron job has moved it.
    out = io.StringIO()
    call_command("sync_image_privacy", stdout=out)
    assert "1 made public, 0 made private, of 1 images checked." in out.getvalue()
    assert_public(item, settings)
    # Every minute after that finds nothing to do.
    call_command("sync_image_privacy", stdout=out)
    assert "0 made public, 0 made private, of 0 images checked." in out.getvalue()


def test_an_editors_preview_shows_the_picture_never_to_be_cached(editor_client, settings):
    item = upload(editor_client)
    urls = picture_urls(editor_client, item)
    for url in urls:
        assert not url.startswith(settings.MEDIA_URL), url
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] in ("image/jpeg", "image/webp")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert {"private", "no-store"} <= {
            part.strip() for part in response["Cache-Control"].split(",")
        }
        assert Client().get(url).status_code == 404, url
    # The admin's "Currently:" link (the route every content type's images share) works for
    # the editor too, and so does the news items' first route, for links handed out before.
    change = editor_client.get(reverse("admin:news_newsitem_change", args=[item.pk]))
    kwargs = {"pk": item.pk, "name": item.image.name}
    link = reverse("content_image", kwargs={"model": "news.newsitem", **kwargs})
    assert f'href="{link}"' in change.content.decode()
    assert editor_client.get(link).status_code == 200
    assert editor_client.get(reverse("news_image", kwargs=kwargs)).status_code == 200
    assert Client().get(reverse("news_image", kwargs=kwargs)).status_code == 404


def test_publishing_makes_it_public_and_unpublishing_hides_it_again(editor_client, settings):
    item = upload(editor_client)
    services.publish(item)
    assert_public(item, settings)
    services.unpublish(item)
    assert_hidden(item, settings)


def test_published_through_the_admin_form_it_is_public_at_once(publisher_client, settings):
    item = upload(publisher_client, status=Status.PUBLISHED)
    assert_public(item, settings)


def test_an_expired_items_picture_is_hidden_by_the_cron_job(publisher_client, settings):
    item = upload(publisher_client, status=Status.PUBLISHED)
    NewsItem.objects.filter(pk=item.pk).update(
        publish_at=timezone.now() - datetime.timedelta(days=2),
        expire_at=timezone.now() - datetime.timedelta(days=1),
    )
    out = io.StringIO()
    call_command("sync_image_privacy", stdout=out)
    assert "0 made public, 1 made private, of 1 images checked." in out.getvalue()
    assert_hidden(item, settings)


def test_a_replaced_picture_is_hidden_at_once(publisher_client, settings):
    item = upload(publisher_client, status=Status.PUBLISHED)
    old = files_of(item)
    item = NewsItem.objects.get(pk=item.pk)
    item.image = jpeg("olive")
    item.save()
    services.refresh_renditions(item)  # what the admin's save_model does after saving
    assert_public(item, settings)
    assert not any(under_media_root(name, settings) for name in old)
    assert all(Client().get(f"/media/{name}").status_code == 404 for name in old)


def test_a_deleted_items_picture_is_hidden(
    publisher_client, settings, django_capture_on_commit_callbacks
):
    item = upload(publisher_client, status=Status.PUBLISHED)
    names = files_of(item)
    with django_capture_on_commit_callbacks(execute=True):
        NewsItem.objects.filter(pk=item.pk).delete()
    assert not any(under_media_root(name, settings) for name in names)
    assert all(Client().get(f"/media/{name}").status_code == 404 for name in names)


def test_private_media_inside_the_public_folder_is_refused(settings):
    from core.private_media import check_private_media_root

    assert check_private_media_root(None) == []
    settings.PRIVATE_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "private"
    assert [error.id for error in check_private_media_root(None)] == ["core.E001"]


def test_pictures_of_drafts_stored_public_before_are_hidden_by_the_upgrade_run(settings):
    """Before this release every upload was public: `sync_image_privacy --all` hides those of
    items that are not public and leaves the others."""
    draft = NewsItemFactory(status=Status.DRAFT, image_alt="A photo")
    live = NewsItemFactory(image_alt="A photo")
    for item in (draft, live):
        name = default_storage.save(f"news/2024/01/{item.slug}.jpg", jpeg())
        NewsItem.objects.filter(pk=item.pk).update(
            image=name, image_renditions=build_renditions(name, default_storage)
        )
    assert all(under_media_root(name, settings) for name in files_of(draft))
    call_command("sync_image_privacy", "--all", verbosity=0)
    assert_hidden(draft, settings)
    assert_public(live, settings)
