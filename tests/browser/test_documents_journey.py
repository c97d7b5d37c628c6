"""Issue 18's journeys. An editor uploads a report as PDFs in two languages, a publisher
publishes it, and a visitor finds it by a phrase that is only inside the PDF (its text is
extracted by the background task: the browser site runs tasks where they are enqueued). A
visitor goes from a field operation to one of its projects and downloads the Russian version
of its guidebook."""

import re

from pypdf import PdfReader

from demo.pdfs import pdf_bytes

from .conftest import MESSAGES, snap
from .test_editor_journey import log_in, pick

TITLE = "Community policing in practice"
PHRASE = "neighbourhood liaison officers"


def pdf(title, text):
    return pdf_bytes(title, [f"Chapter one. {text}", "Chapter two. Lessons learned."], pages=3)


def test_editor_uploads_two_languages_publisher_publishes_visitor_finds_the_phrase(new_page, site):
    editor = new_page()
    log_in(editor, "editor")
    editor.goto("/admin/documents/document/add/")
    editor.locator("#id_title_en").press_sequentially(TITLE)
    editor.locator("#id_document_type").select_option(label="Report")
    editor.locator("#id_publication_date").fill("2026-11-30")
    editor.locator("#id_summary_en").fill("How police and residents work together.")
    pick(editor, "id_issuers-0-structure", "Serbia", site.data["structure_name"])
    editor.locator("#id_files-0-language").fill("en")
    editor.locator("#id_files-0-file").set_input_files(
        files=[
            {
                "name": "report-en.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf(TITLE, f"The {PHRASE} meet residents every week."),
            }
        ]
    )
    editor.locator("#files-group .add-row a").click()
    editor.locator("#id_files-1-language").fill("ru")
    editor.locator("#id_files-1-file").set_input_files(
        files=[
            {
                "name": "report-ru.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf("Полиция", "Участковые встречаются с жителями каждую неделю."),
            }
        ]
    )
    editor.get_by_role("button", name="Save and continue editing").click()
    editor.wait_for_url(re.compile(r"/admin/documents/document/\d+/change/"))
    assert "was added successfully" in editor.locator(MESSAGES).inner_text()
    assert editor.get_by_text(re.compile(r"Done: 3 pages")).count() == 2
    snap(editor, "documents-01-draft-with-two-files", full_page=True)

    visitor = new_page()
    assert visitor.goto("/documents/community-policing-in-practice/").status == 404
    assert visitor.goto("/documents/community-policing-in-practice/files/en/").status == 404

    publisher = new_page()
    log_in(publisher, "publisher")
    publisher.goto("/admin/documents/document/")
    row = publisher.locator("#result_list tbody tr", has_text=TITLE)
    row.locator("input.action-select").check()
    publisher.locator("select[name=action]").select_option("publish_selected")
    publisher.locator(".actions button[name=index]").first.click()
    assert "published" in publisher.locator(MESSAGES).inner_text().lower()

    visitor.goto(f"/search/?q={PHRASE.replace(' ', '+')}")
    result = visitor.locator(".search-result", has_text=TITLE)
    assert result.locator("mark").count() >= 1
    assert PHRASE.split()[0] in result.inner_text()
    snap(visitor, "documents-02-found-by-a-phrase-in-the-pdf")
    result.get_by_role("link", name=TITLE).click()
    visitor.wait_for_url("**/documents/community-policing-in-practice/")
    links = visitor.locator(".document-files__list a")
    assert links.count() == 2
    assert links.nth(1).inner_text() == "Русский"
    download = visitor.request.get(links.nth(1).get_attribute("href"))
    assert download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF-")


def test_visitor_goes_from_a_field_operation_to_a_project_and_downloads_the_russian_guidebook(
    desktop, site
):
    """Issue 18's journey on seed_demo's data: the field operation's page shows its profile and
    its current projects; one of them lists the guidebook, whose Russian file downloads."""
    page = desktop
    page.goto("/field-operations/")
    page.get_by_role("link", name=site.data["structure_name"], exact=True).click()
    page.wait_for_url(f"**/structures/{site.data['structure']}/")
    assert page.locator(".fo-profile").is_visible()
    projects = page.locator(".current-projects")
    projects.get_by_role("link", name="Police reform programme").click()
    page.wait_for_url("**/projects/demo-mission-to-serbia-police-reform/")
    page.locator(".item-documents").get_by_role(
        "link", name="Intelligence-led Policing Guidebook"
    ).click()
    page.wait_for_url(f"**/documents/{site.data['document']}/")
    russian = page.locator(".document-files__list a", has_text="Русский")
    assert russian.get_attribute("hreflang") == "ru"

    with page.expect_download() as caught, page.expect_response("**/files/ru/") as answered:
        russian.click()
    download, response = caught.value, answered.value
    headers = response.headers
    assert response.status == 200
    assert headers["content-type"] == "application/pdf"
    assert headers["x-content-type-options"] == "nosniff"
    assert re.fullmatch(
        r'attachment; filename="demo-intelligence-led-policing-guidebook-ru\.pdf"; '
        r"filename\*=UTF-8''[A-Za-z0-9%._-]+",
        headers["content-disposition"],
    ), headers["content-disposition"]
    assert download.suggested_filename.endswith("(ru).pdf")
    assert "/" not in download.suggested_filename
    text = "".join(sheet.extract_text() for sheet in PdfReader(download.path()).pages)
    assert "оперативной информации" in text
    assert "Intelligence-led policing is" not in text
