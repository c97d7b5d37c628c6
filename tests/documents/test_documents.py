"""Documents: model rules, upload refusals, private files of drafts, extraction states,
search by a phrase inside a PDF, listing counts, symbols, roles."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from pypdf import PdfWriter

from core.publishing import Status
from demo.pdfs import pdf_bytes
from documents import extraction, symbols
from documents.models import Document, DocumentFile, Extraction
from documents.pdf import MAX_FILE_SIZE, validate_pdf
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    FieldOfWorkFactory,
    StructureFactory,
    add_pdf,
)

pytestmark = pytest.mark.django_db


def upload(data, name="file.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def refusal(data, name="file.pdf"):
    with pytest.raises(ValidationError) as caught:
        validate_pdf(upload(data, name))
    return caught.value.code


def test_a_real_pdf_passes():
    validate_pdf(upload(pdf_bytes("Title", ["Some text."], pages=3)))


def test_not_a_pdf_whatever_its_name():
    assert refusal(b"GIF89a" + b"\0" * 100, "report.pdf") == "not_pdf"


def test_damaged_pdf():
    assert refusal(b"%PDF-1.4\n1 0 obj\n<< broken") == "unreadable"


def test_encrypted_pdf():
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    assert refusal(out.getvalue()) == "encrypted"


def test_over_50_mb():
    big = upload(pdf_bytes("T", ["x"]))
    big.size = MAX_FILE_SIZE + 1
    with pytest.raises(ValidationError) as caught:
        validate_pdf(big)
    assert caught.value.code == "too_large"


def test_the_form_shows_the_refusal(client, admin_user):
    from django.forms import modelform_factory

    form_class = modelform_factory(DocumentFile, fields=["language", "file"])
    document = DocumentFactory()
    form = form_class(
        data={"language": "en"},
        files={"file": upload(b"plain text", "x.pdf")},
        instance=DocumentFile(document=document),
    )
    assert not form.is_valid()
    assert "not a PDF" in str(form.errors["file"])


def test_symbol_is_tidied_unique_and_case_blind():
    DocumentFactory(symbol="PC.DEC / 1162")
    assert Document.objects.get().symbol == "PC.DEC/1162"
    duplicate = DocumentFactory.build(symbol="pc.dec/1162")
    with pytest.raises(ValidationError):
        duplicate.full_clean(exclude=["document_type"])
    with pytest.raises(IntegrityError):
        DocumentFactory(symbol="pc.dec/1162")


def test_symbols_key():
    assert symbols.key(" pc.dec /1162 ") == "PC.DEC/1162"


def test_language_tags_are_normalised_and_named_in_themselves():
    document = DocumentFactory(files={"sr-latn": "Tekst", "RU": "Текст"})
    assert sorted(f.language for f in document.files.all()) == ["ru", "sr-Latn"]
    names = {f.language: f.language_name for f in document.files.all()}
    assert names["ru"] == "Русский"


def test_extraction_done_with_pages_and_characters():
    document = DocumentFactory()
    row = add_pdf(document, "en", "The quokka protocol on borders.", pages=3)
    row.refresh_from_db()
    assert row.extraction == Extraction.DONE
    assert row.pages == 3 and row.characters == len(row.text) > 0
    document.refresh_from_db()
    assert "quokka protocol" in document.file_text_en


def test_extraction_failure_is_recorded_with_the_reason():
    document = DocumentFactory()
    row = add_pdf(document, "en", "text")
    # The stored file is damaged afterwards (a storage fault): the task says why it failed.
    with open(row.file.path, "wb") as handle:
        handle.write(b"%PDF-1.4 garbage")
    assert extraction.extract(row.pk) == Extraction.FAILED
    row.refresh_from_db()
    assert row.extraction == Extraction.FAILED and row.extraction_error


def test_a_replaced_file_goes_back_to_pending_then_done():
    document = DocumentFactory(files={"en": "first version walrus"})
    row = document.files.get()
    row.file = upload(pdf_bytes("T", ["second version narwhal"]))
    row.save()
    row.refresh_from_db()
    assert row.extraction == Extraction.DONE and "narwhal" in row.text
    document.refresh_from_db()
    assert "walrus" not in document.file_text_en


def test_phrase_in_pdf_found_with_snippet_on_listing_and_search(client):
    DocumentFactory(title="Annual report", files={"en": "Lorem. The armadillo covenant binds."})
    DocumentFactory(title="Other")
    listing = client.get("/documents/?q=armadillo").content.decode()
    assert "Annual report" in listing and "<mark>armadillo</mark>" in listing
    assert "Other" not in listing
    search = client.get("/search/?q=armadillo").content.decode()
    assert "<mark>armadillo</mark>" in search


def test_title_ranks_above_pdf_text(client):
    DocumentFactory(title="Pelican", files={"en": "nothing"}, slug="by-title")
    DocumentFactory(title="Another", files={"en": "pelican pelican pelican"}, slug="by-text")
    page = client.get("/documents/?q=pelican").content.decode()
    assert page.index("/documents/by-title/") < page.index("/documents/by-text/")


def test_draft_files_are_not_reachable(client, editor):
    draft = DocumentFactory(status=Status.DRAFT, files={"en": "secret"})
    url = reverse("documents:download", kwargs={"slug": draft.slug, "language": "en"})
    assert client.get(url).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/documents/?q=secret").context["total"] == 0
    row = draft.files.get()
    # In the private storage: no web server serving /media/ can reach it.
    assert str(settings.PRIVATE_MEDIA_ROOT) in row.file.path
    assert not (settings.MEDIA_ROOT / row.file.name).exists()
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_download_headers(client):
    document = DocumentFactory(title="Руководство «ILP»", files={"ru": "Текст"})
    response = client.get(
        reverse("documents:download", kwargs={"slug": document.slug, "language": "ru"})
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="' + document.slug + '-ru.pdf"')
    assert "filename*=UTF-8''%D0%A0" in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_symbol_redirects_in_the_readers_language(client):
    document = DocumentFactory(symbol="PC.DEC/1162", in_language_ru=True, title_ru="Решение")
    response = client.get("/documents/symbol/pc.dec/1162/")
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    response = client.get("/ru/documents/symbol/PC.DEC/1162/")
    assert response["Location"] == f"/ru/documents/{document.slug}/"
    assert client.get("/documents/symbol/PC.DEC/9999/").status_code == 404


def test_search_for_a_symbol_finds_it_first(client):
    DocumentFactory(title="Decision on the mission", symbol="PC.DEC/1162", slug="the-decision")
    DocumentFactory(title="PC DEC 1162 mentioned", slug="mention")
    page = client.get("/search/?q=PC.DEC/1162").content.decode()
    assert page.index("/documents/the-decision/") < page.index("/documents/mention/")


def test_listing_counts_equal_brute_force(client):
    spmu = StructureFactory(slug="spmu")
    unit = StructureFactory(slug="unit", parent=spmu)
    policing = FieldOfWorkFactory(slug="policing")
    serbia = CountryFactory(slug="serbia")
    DocumentFactory(issued_by=[unit], fields_of_work=[policing], files={"en": "a", "ru": "б"})
    DocumentFactory(issued_by=[spmu], countries=[serbia], files={"en": "a"})
    DocumentFactory(publication_date=datetime.date(2010, 1, 1), files={"fr": "c"})
    DocumentFactory(status=Status.DRAFT, issued_by=[spmu], files={"ru": "d"})
    response = client.get("/documents/?issued_by=spmu")
    assert response.context["total"] == 2
    facets = {f.name: {o.value: o.count for o in f.options} for f in response.context["facets"]}
    public = Document.objects.published().in_language("en")
    for language, count in facets["language"].items():
        assert (
            count
            == public.filter(files__language=language, issuers__structure__in=[spmu, unit])
            .distinct()
            .count()
        )
    assert facets["language"] == {"en": 2, "ru": 1} or facets["language"].get("ru") == 1
    years = client.get("/documents/?year_from=2015&year_to=2025").context["total"]
    assert years == public.filter(publication_date__year__gte=2015).count()
    assert client.get("/documents/?language=fr").context["total"] == 1


def test_meeting_and_news_item_list_their_documents(client):
    from tests.factories import MeetingFactory, NewsItemFactory

    meeting = MeetingFactory()
    item = NewsItemFactory()
    DocumentFactory(title="Agenda of the meeting", meeting=meeting, related_news=[item])
    assert "Agenda of the meeting" in client.get(meeting.get_absolute_url()).content.decode()
    assert "Agenda of the meeting" in client.get(item.get_absolute_url()).content.decode()


def test_roles_editor_drafts_publisher_publishes(editor, publisher):
    assert editor.has_perm("documents.add_document")
    assert editor.has_perm("documents.add_documentfile")
    assert not editor.has_perm("documents.publish_document")
    assert publisher.has_perm("documents.publish_document")
    assert publisher.has_perm("documents.add_documenttype")


def test_control_characters_of_a_pdf_never_reach_the_database():
    document = DocumentFactory(files={"en": "before\x00after\x07 done"})
    row = document.files.get()
    assert row.extraction == Extraction.DONE
    assert "\x00" not in row.text and "beforeafter done" in row.text


def test_a_symbol_no_document_can_have_is_a_404(client):
    assert client.get("/documents/symbol/%00/").status_code == 404
    assert client.get("/documents/symbol/PC.DEC%00/1/").status_code == 404
