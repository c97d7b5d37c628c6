"""Pictures and admin posts for the media library's tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as Picture

from core.publishing import Status
from media_library.models import Image
from news.models import NewsItem
from tests.factories import StructureFactory
from tests.news.admin.helpers import news_item_post, publishing_fields

LIBRARY_ADD = reverse("admin:media_library_image_add")
NEWS_ADD = reverse("admin:news_newsitem_add")
DOCUMENT_ADD = reverse("admin:documents_document_add")


def halves(size=(1600, 400), left="red", right="blue", name="halves.png"):
    """A wide picture, one colour on the left half, another on the right: a 16:9 card cut
    from it shows mostly one of them, depending on where it is cut."""
    picture = Picture.new("RGB", size, left)
    picture.paste(Picture.new("RGB", (size[0] // 2, size[1]), right), (size[0] // 2, 0))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue())


def library_post(**fields):
    data = {
        "title": "Border crossing",
        "alt_en": "Trucks queue at a border crossing.",
        "credit": "OSCE/Library",
        "focal_x": "",
        "focal_y": "",
        **fields,
    }
    return data


def upload_to_library(client, **fields):
    response = client.post(LIBRARY_ADD, library_post(file=halves(), **fields))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Image.objects.latest("pk")


def add_item(client, slug, status=Status.DRAFT, **fields):
    """A news item added through the admin form, as an editor does."""
    data = news_item_post([StructureFactory()], **publishing_fields(status), slug=slug)
    data.update(fields)
    response = client.post(NEWS_ADD, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return NewsItem.objects.get(slug=slug)
