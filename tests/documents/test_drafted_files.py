"""A PDF uploaded in a live document's files while drafting changes (news.admin.draft_files):
kept with the working draft, private, shown in the draft's form and preview, published with
the draft and deleted with it."""

from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse

from documents.models import DocumentFile
from editorial.models import WorkingDraft
from tests.factories import DocumentFactory, StructureFactory, pdf_upload
from tests.news.admin.editorial_steps import change_url, opened, press
from tests.news.admin.helpers import REASON

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return DocumentFactory(
        title_en="Annual report", issued_by=[StructureFactory()], files={"en": "English text"}
    )


def download(document, language):
    url = reverse("documents:download", kwargs={"slug": document.slug, "language": language})
    return Client().get(url)


def private_files(settings):
    return {path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()}


def drafted_file(client, document, **typed):
    """The editor adds a French PDF in the files' empty row and saves a draft of changes."""
    data = opened(client, document)
    row = int(data["files-INITIAL_FORMS"])
    french = {
        f"files-{row}-language": "fr",
        f"files-{row}-file": pdf_upload("Rapport annuel en français", name="rapport.pdf"),
    }
    assert press(client, document, data, "_save_draft", **french, **typed).status_code == 302
    key = f"files-{row}-file"
    return key, WorkingDraft.objects.for_object(document).get().files[key]


def test_a_pdf_uploaded_while_drafting_goes_live_with_the_draft(
    client, editor, publisher, settings, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    key, stored = drafted_file(client, document := DocumentFactory(issued_by=[StructureFactory()]))
    # The live document is unchanged and the file is private, at no public address.
    assert not DocumentFile.objects.filter(document=document).exists()
    assert download(document, "fr").status_code == 404
    assert stored.startswith(f"drafts/documents.document/{document.pk}/")
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / stored).exists()
    assert not (Path(settings.MEDIA_ROOT) / stored).exists()
    assert Client().get(f"/media/{stored}").status_code == 404

    # The draft's form names it; saved again without sending it, the draft keeps it.
    assert "In the draft of changes: rapport" in client.get(change_url(document)).text
    data = opened(client, document)
    press(client, document, data, "_save_draft", title_en="Annual report, corrected")
    assert WorkingDraft.objects.for_object(document).get().files[key] == stored

    # The preview shows it among the document's files, and keeps no copy of it.
    before = private_files(settings)
    preview = client.post(f"{change_url(document)[: -len('change/')]}preview/", data)
    assert "Français" in client.get(preview["Location"] + "&lang=en").text
    assert private_files(settings) == before

    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        published = press(client, document, opened(client, document), "_save", **REASON)
    assert published.status_code == 302
    french = DocumentFile.objects.get(document=document, language="fr")
    assert "Rapport annuel en français" in french.text
    assert french.file.name != stored and storages["private"].exists(french.file.name)
    assert not storages["private"].exists(stored), "the draft's copy is gone"
    assert download(document, "fr").status_code == 200
    assert not WorkingDraft.objects.for_object(document).exists()


def test_a_discarded_draft_takes_its_file_along(
    client, editor, document, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    _key, stored = drafted_file(client, document)
    with django_capture_on_commit_callbacks(execute=True):
        press(client, document, opened(client, document), "_discard_draft")
    assert not WorkingDraft.objects.for_object(document).exists()
    assert not storages["private"].exists(stored)
    assert list(document.files.values_list("language", flat=True)) == ["en"]


def test_a_row_removed_from_the_draft_drops_its_file(client, editor, document):
    client.force_login(editor)
    key, stored = drafted_file(client, document)
    data = opened(client, document)
    row = key.rsplit("-", 1)[0]
    press(client, document, data, "_save_draft", **{f"{row}-DELETE": "on"})
    assert key not in WorkingDraft.objects.for_object(document).get().files
    assert not storages["private"].exists(stored)


def test_a_deleted_document_takes_its_drafts_file_along(
    client, editor, document, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    _key, stored = drafted_file(client, document)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not storages["private"].exists(stored)
