"""An editor writes a news item in the admin, a publisher publishes it, visitors see it."""

import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from PIL import Image, ImageDraw

from .conftest import MESSAGES, snap
from .people import PASSWORD

ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "Forum on community safety agrees next steps"
LINK = "https://www.osce.org/secretariat/community-safety-report"
ALT = "Police officers and residents around a table at the community safety forum"


def png_photo():
    """A 1600×900 PNG as a camera would not make it, but as an editor's upload arrives."""
    image = Image.new("RGB", (1600, 900), (40, 80, 140))
    draw = ImageDraw.Draw(image)
    for step in range(0, 900, 60):
        draw.rectangle((0, step, 1600, step + 30), fill=(60 + step // 8, 110, 170))
    draw.ellipse((600, 250, 1000, 650), fill=(240, 190, 70))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def give_publish_reason(page, reason="Approved by phone with the head of unit"):
    """The "Publish" action asks why it publishes without review (news.admin.publish_reason)."""
    page.get_by_label("Reason for publishing without review").fill(reason)
    page.get_by_role("button", name="Publish", exact=True).click()


def pick(page, select_id, typed, option_text):
    """Chooses in an admin autocomplete (select2): open, type, click the suggestion."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    page.locator(".select2-results__option", has_text=re.compile(rf"^{option_text}$")).click()


def write_body(page):
    """A heading, a paragraph with a link and a bulleted list, with the editor's keyboard
    shortcuts and its link button."""
    editor = page.locator(".prose-editor:has(#id_body_en)")
    editor.locator(".tiptap").click()
    page.keyboard.press("Control+Alt+2")
    page.keyboard.type("What the forum agreed")
    page.keyboard.press("Enter")
    page.keyboard.type("Read the full report")
    for _ in range(len("full report")):
        page.keyboard.press("Shift+ArrowLeft")
    # ProseMirror takes the browser's selection on `selectionchange`, which a loaded machine
    # may deliver after the next click: link only once the editor itself holds the words.
    page.wait_for_function(
        """() => {
            const body = document.querySelector(".prose-editor:has(#id_body_en) .tiptap")
            const { state } = body.editor
            return state.doc.textBetween(state.selection.from, state.selection.to) === "full report"
        }"""
    )
    editor.locator(".prose-menubar button[title='insert link']").click()
    dialog = page.locator("dialog.prose-editor-dialog")
    dialog.get_by_label("URL").fill(LINK)
    dialog.get_by_role("button", name="Update").click()
    page.keyboard.press("End")
    page.keyboard.type(" for the details.")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+Shift+8")
    page.keyboard.type("Joint patrols in every district")
    page.keyboard.press("Enter")
    page.keyboard.type("A hotline for victims of hate crime")


def test_editor_writes_publisher_publishes_visitors_read(new_page, site):
    editor = new_page()
    log_in(editor, "editor")
    editor.goto("/admin/news/newsitem/add/")
    editor.locator("#id_title_en").press_sequentially(TITLE)
    assert (
        editor.get_by_label("Slug").input_value() == "forum-on-community-safety-agrees-next-steps"
    )
    editor.locator("#id_teaser_en").fill("Residents and police agreed on patrols and a hotline.")
    write_body(editor)
    body = editor.locator("#id_body_en").input_value()
    assert "<h2>What the forum agreed</h2>" in body
    assert re.search(rf'<a href="{re.escape(LINK)}"[^>]*>full report</a>', body)
    assert re.search(r"<ul><li><p>Joint patrols in every district</p></li><li><p>A hotline", body)

    pick(editor, "id_issuers-0-structure", "Serbia", site.data["structure_name"])
    pick(editor, "id_fields_of_work", "Polic", "Policing")
    editor.locator("#id_image").set_input_files(
        files=[{"name": "forum.png", "mimeType": "image/png", "buffer": png_photo()}]
    )
    editor.locator("#id_image_alt_en").fill(ALT)
    editor.locator("#id_image_caption_en").fill("The forum in Novi Sad.")
    snap(editor, "editor-01-draft-form", full_page=True)
    editor.get_by_role("button", name="Save and continue editing").click()
    editor.wait_for_url(re.compile(r"/admin/news/newsitem/\d+/change/"))
    assert "was added successfully" in editor.locator(MESSAGES).inner_text()

    editor.get_by_role("link", name="View on site").click()
    editor.wait_for_url("**/news/forum-on-community-safety-agrees-next-steps/")
    assert "Preview" in editor.locator(".preview-banner").inner_text()
    assert editor.locator(".news-item__body h2").inner_text() == "What the forum agreed"
    assert editor.locator(".news-item__body a").get_attribute("href") == LINK
    assert editor.locator(".news-item__body ul li").count() == 2
    snap(editor, "editor-02-preview")

    visitor = new_page()
    visitor_response = visitor.goto("/news/forum-on-community-safety-agrees-next-steps/")
    assert visitor_response.status == 404

    publisher = new_page()
    log_in(publisher, "publisher")
    publisher.goto(f"/admin/news/newsitem/?q={TITLE.replace(' ', '+')}")
    row = publisher.locator("#result_list tbody tr", has_text=TITLE)
    row.locator("input.action-select").check()
    publisher.locator("select[name=action]").select_option("publish_selected")
    publisher.locator(".actions button[name=index]").first.click()
    give_publish_reason(publisher)
    assert "published" in publisher.locator(MESSAGES).inner_text().lower()
    snap(publisher, "editor-03-published")

    visitor.goto("/news/")
    titles = visitor.locator(".news-listing__items .news-card__title a").all_inner_texts()
    assert titles[0] == TITLE
    assert (
        visitor.locator(".news-card", has_text=TITLE).get_by_role("img").get_attribute("alt") == ALT
    )
    snap(visitor, "editor-04-listing")

    visitor.get_by_role("link", name=TITLE).click()
    visitor.wait_for_url("**/news/forum-on-community-safety-agrees-next-steps/")
    assert visitor.locator(".preview-banner").count() == 0
    hero = visitor.locator(".news-item picture img")
    assert hero.get_attribute("alt") == ALT
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")
    snap(visitor, "editor-05-public-item", full_page=True)

    feed = ET.fromstring(visitor.request.get("/news/feed/").body())
    entries = {
        entry.findtext(f"{ATOM}title"): urlsplit(entry.find(f"{ATOM}link").get("href")).path
        for entry in feed.iter(f"{ATOM}entry")
    }
    assert entries[TITLE] == "/news/forum-on-community-safety-agrees-next-steps/"

    visitor.goto("/fields-of-work/policing/")
    assert visitor.get_by_role("link", name=TITLE).count() == 1
    snap(visitor, "editor-06-field-of-work")
