"""A document's cover, on the news image machinery (news.media_privacy finds it by its
`ImageFileField`): uploaded in the admin it is rewritten under a random name in the private
place, shown to editors previewing the draft through `/images/documents.document/…` and to
nobody else; public once the document is published, private again when it is unpublished.
The document's PDFs follow the same rule through the download view."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from core.publishing import Status
from demo.pdfs import pdf_bytes
from documents.models import Document, DocumentType
from news import services
from news.media_privacy import image_models
from tests.factories import DocumentFactory, StructureFactory
from tests.news.admin.helpers import management_form, publishing_fields
from tests.security.photos import markers_in, tagged_jpeg

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.media_urls")]

ADD_URL = reverse("admin:documents_document_add")
RANDOM_NAME = re.compile(r"^documents/covers/\d{4}/\d{2}/[0-9a-f]{32}\.jpg$")
IMAGE_URL = re.compile(r'(?:src|srcset)="([^"]+)"')


def jpeg(size=(600, 850)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "JPEG")
    return buffer.getvalue()


def document_post(status, content, **fields):
    data = {
        "title_en": "Guidebook on community policing",
        "slug": "community-policing-guidebook",
        "document_type": str(DocumentType.objects.get(slug="guidebook").pk),
        "symbol": "",
        "publication_date": "2024-05-01",
        "summary_en": "How police and residents work together.",
        "external_url": "",
        "source_url": "",
        "in_language_en": "on",
        "image": SimpleUploadedFile("IMG_0042 cover.jpg", content, content_type="image/jpeg"),
        "image_alt_en": "The guidebook's cover: a police officer talking to residents",
        "image_caption_en": "The cover of the English edition.",
        "image_credit": "Jane Doe",
        **management_form("issuers", 1),
        "issuers-0-structure": str(StructureFactory().pk),
        "issuers-0-position": "0",
        **management_form("files", 1),
        "files-MIN_NUM_FORMS": "0",
        "files-0-language": "en",
        "files-0-file": SimpleUploadedFile(
            "guidebook.pdf", pdf_bytes("Guidebook", ["Text."], pages=2), "application/pdf"
        ),
        **publishing_fields(status),
    }
    data.update(fields)
    return data


def upload(client, status=Status.DRAFT, content=None):
    response = client.post(ADD_URL, document_post(status, content or jpeg()))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Document.objects.get(slug="community-policing-guidebook")


def files_of(document):
    document.refresh_from_db()
    slots = document.image_renditions["slots"]
    return [
        document.image.name,
        *(entry["name"] for entries in slots.values() for entry in entries),
    ]


def view_url(document, name):
    return reverse(
        "content_image", kwargs={"model": "documents.document", "pk": document.pk, "name": name}
    )


def cover_urls(client, document):
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    cover = re.search(r'<div class="document-cover">.*?</div>', response.text, re.S)
    assert cover, "the page shows the cover"
    return [
        part.split()[0] for value in IMAGE_URL.findall(cover.group()) for part in value.split(",")
    ]


def assert_hidden(document, settings):
    anonymous = Client()
    for name in files_of(document):
        assert not (Path(settings.MEDIA_ROOT) / name).exists(), name
        assert anonymous.get(f"/media/{name}").status_code == 404, name
        assert anonymous.get(view_url(document, name)).status_code == 404, name


def assert_public(document, settings):
    anonymous = Client()
    for name in files_of(document):
        response = anonymous.get(f"/media/{name}")
        assert response.status_code == 200, name
        b"".join(response.streaming_content)
    assert all(url.startswith("/media/") for url in cover_urls(anonymous, document))


def test_documents_are_among_the_image_models():
    assert Document in image_models()


def test_the_cover_is_stored_without_metadata_under_a_random_name(client, editor):
    client.force_login(editor)
    document = upload(client, content=tagged_jpeg())
    assert RANDOM_NAME.match(document.image.name), document.image.name
    for name in files_of(document):
        with document.image.storage.open(name, "rb") as handle:
            assert markers_in(handle.read()) == [], name
    assert set(document.image_renditions["slots"]) == {"card", "hero"}


def test_a_drafts_cover_is_hidden_from_visitors_and_previewed_by_editors(client, editor, settings):
    client.force_login(editor)
    document = upload(client)
    assert_hidden(document, settings)
    urls = cover_urls(client, document)
    assert all(url.startswith("/images/documents.document/") for url in urls), urls
    response = client.get(urls[0])
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    b"".join(response.streaming_content)


def test_publishing_makes_the_cover_public_and_unpublishing_hides_it(client, editor, settings):
    client.force_login(editor)
    document = upload(client)
    services.publish(document)
    assert_public(document, settings)
    html = Client().get(document.get_absolute_url()).text
    assert '<meta property="og:image" content="http' in html
    assert "The cover of the English edition." in html
    services.unpublish(document)
    assert_hidden(document, settings)


def test_alt_text_is_required_with_a_cover(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, document_post(Status.DRAFT, jpeg(), image_alt_en=""))
    assert response.status_code == 200
    assert "image_alt_en" in response.context["adminform"].form.errors
    assert not Document.objects.exists()


def test_the_database_refuses_a_cover_without_alt_text_too():
    document = DocumentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.filter(pk=document.pk).update(image="documents/covers/x.jpg")


@pytest.mark.parametrize(
    "state",
    [
        {"status": Status.DRAFT},
        {"publish_at": timezone.now() + datetime.timedelta(days=1)},
        {"expire_at": timezone.now() - datetime.timedelta(minutes=1)},
    ],
    ids=["draft", "scheduled", "expired"],
)
def test_the_pdfs_of_a_document_not_public_are_404_for_visitors(client, state):
    document = DocumentFactory(files={"en": "Text.", "ru": "Текст."}, **state)
    for language in ("en", "ru"):
        url = reverse("documents:download", kwargs={"slug": document.slug, "language": language})
        assert client.get(url).status_code == 404
