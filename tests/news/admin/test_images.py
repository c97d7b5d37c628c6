"""Image uploads through the admin form: good images in, everything else a clear form error."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.publishing import Status
from news import images
from news.models import NewsItem
from tests.factories import StructureFactory
from tests.news.admin.helpers import news_item_post, publishing_fields

ADD_URL = reverse("admin:news_newsitem_add")


def image_bytes(fmt, size=(32, 24), mode="RGB", **save_kwargs):
    buffer = io.BytesIO()
    Image.new(mode, size, "white" if mode != "1" else 1).save(buffer, fmt, **save_kwargs)
    return buffer.getvalue()


def many_frame_gif(frames, size):
    buffer = io.BytesIO()
    first, *rest = [Image.new("P", size, color=index % 2) for index in range(frames)]
    first.save(buffer, "GIF", save_all=True, append_images=rest)
    return buffer.getvalue()


def post_image(client, name, content, alt="A description"):
    data = news_item_post([StructureFactory()], **publishing_fields(Status.DRAFT), image_alt=alt)
    data["image"] = SimpleUploadedFile(name, content)
    return client.post(ADD_URL, data)


def image_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["adminform"].form.errors.get("image", []))


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("photo.png", "PNG"), ("photo.jpg", "JPEG"), ("photo.webp", "WEBP"), ("photo.gif", "GIF")],
)
def test_valid_images_are_accepted(client, publisher, name, fmt):
    client.force_login(publisher)
    response = post_image(client, name, image_bytes(fmt))
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert (item.image_width, item.image_height) == (32, 24)
    assert item.image_alt == "A description"


BAD_UPLOADS = {
    "renamed HTML": (
        "page.png",
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        "not a valid",
    ),
    "SVG renamed .png": (
        "drawing.png",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
        "not a valid",
    ),
    "PNG named .jpg": ("photo.jpg", image_bytes("PNG"), "is a PNG image"),
    "BMP": ("photo.bmp", image_bytes("BMP"), "Upload a JPEG, PNG, WebP or GIF"),
    "TIFF": ("photo.tiff", image_bytes("TIFF"), "Upload a JPEG, PNG, WebP or GIF"),
    "BMP renamed .png": ("photo.png", image_bytes("BMP"), "not a valid"),
    "truncated PNG": ("photo.png", image_bytes("PNG", size=(400, 300))[:120], "damaged"),
    "corrupt JPEG": ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00garbage" * 50, "damaged"),
    "empty file": ("photo.png", b"", "empty"),
    "decompression bomb": (
        "bomb.png",
        image_bytes("PNG", size=(10000, 10000), mode="1"),
        "too many pixels",
    ),
    "GIF with too many frames": (
        "animation.gif",
        many_frame_gif(frames=45, size=(1000, 1000)),
        "too many pixels",
    ),
}


@pytest.mark.parametrize("case", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_uploads_are_form_errors_and_nothing_is_saved(client, publisher, case):
    name, content, message = case
    client.force_login(publisher)
    response = post_image(client, name, content)
    assert message in image_errors(response)
    assert not NewsItem.objects.exists()


def test_bomb_fixture_is_small_on_disk():
    assert len(BAD_UPLOADS["decompression bomb"][1]) < 100_000


def test_file_over_the_size_limit_is_a_form_error(client, publisher, monkeypatch):
    monkeypatch.setattr(images, "MAX_IMAGE_BYTES", 2048)
    client.force_login(publisher)
    content = image_bytes("PNG", size=(300, 300), compress_level=0)
    assert len(content) > 2048
    response = post_image(client, "large.png", content)
    assert "too large" in image_errors(response)
    assert not NewsItem.objects.exists()


def test_image_without_alt_text_is_a_form_error(client, publisher):
    client.force_login(publisher)
    response = post_image(client, "photo.png", image_bytes("PNG"), alt="   ")
    assert response.status_code == 200
    assert "alt text" in " ".join(response.context["adminform"].form.errors["image_alt_en"])
    assert not NewsItem.objects.exists()
