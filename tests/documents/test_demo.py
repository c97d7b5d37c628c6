"""`seed_demo` makes realistic documents on the real taxonomy, with multi-page PDFs in several
languages whose text is searchable; the next run replaces them and keeps editors' documents."""

from io import StringIO

import pytest
from django.core.management import call_command

from demo.marks import DEMO_URL_PREFIX
from documents.models import Document, Extraction
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    call_command("seed_demo", news=10, seed=2, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_guidebook_in_several_languages_is_part_of_two_projects(client, taxonomy):
    assert "9 documents" in seed()
    guidebook = Document.objects.get(slug="demo-intelligence-led-policing-guidebook")
    files = {row.language: row for row in guidebook.files.all()}
    assert {"en", "ru", "de", "fr", "sr-Latn", "ky"} <= set(files)
    assert all(row.extraction == Extraction.DONE and row.pages == 12 for row in files.values())
    assert set(guidebook.projects.values_list("slug", flat=True)) == {
        "demo-intelligence-led-policing",
        "demo-mission-to-serbia-police-reform",
    }
    assert guidebook.lead_issuer.slug == "strategic-police-matters-unit"
    # Its cover, a demo picture with alt text in each of its languages, shown on its page.
    assert guidebook.image and guidebook.image_renditions["public"]
    assert all(getattr(guidebook, f"image_alt_{code}") for code in ("en", "ru", "de", "fr"))
    # A picture of the media library, as the demo's news items' and projects' are.
    assert guidebook.library_image.file.name == guidebook.image.name
    assert 'class="document-cover"' in client.get(guidebook.get_absolute_url()).text
    for document in Document.objects.all():
        document.full_clean()
    project_page = client.get("/projects/demo-intelligence-led-policing/").text
    assert "Intelligence-led Policing Guidebook" in project_page
    # A visitor's way to it from a field operation: its current projects, then the project's
    # documents (the browser journey walks it).
    mission_page = client.get("/structures/mission-to-serbia/").text
    assert "/projects/demo-mission-to-serbia-police-reform/" in mission_page
    reform_page = client.get("/projects/demo-mission-to-serbia-police-reform/").text
    assert "/documents/demo-intelligence-led-policing-guidebook/" in reform_page
    found = client.get("/ru/documents/?q=разведывательный").text
    assert "<mark>" in found and "demo-intelligence-led-policing-guidebook" in found


def test_a_new_run_replaces_the_demo_documents_and_keeps_editors(taxonomy):
    seed()
    own = DocumentFactory(title="An editor's report", slug="editors-report")
    seed()
    assert Document.objects.filter(source_url__startswith=DEMO_URL_PREFIX).count() == 9
    assert Document.objects.filter(pk=own.pk).exists()
    assert client_symbol_redirects()


def client_symbol_redirects():
    from django.test import Client

    response = Client().get("/documents/symbol/PC.DEC/401/")
    return response.status_code == 302 and "pc-dec-401" in response["Location"]
