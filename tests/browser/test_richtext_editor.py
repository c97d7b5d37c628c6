"""The admin's rich-text editor (django-prose-editor, core.richtext_editor) and the change
form's one language switch (static/admin_osce/language_switch.js), used as editors use them."""

import re
from pathlib import Path

from .conftest import DESKTOP, PHONE, _new_page
from .test_editor_journey import log_in, pick

# What Word (Windows) and Google Docs put on the clipboard as text/html, shortened.
CLIPBOARD = Path(__file__).parent / "clipboard"
WORD_HTML = (CLIPBOARD / "word.html").read_text()
GOOGLE_HTML = (CLIPBOARD / "google_docs.html").read_text()


def start_item(page, site, title):
    """A new news item with what every item needs besides its body."""
    page.goto("/admin/news/newsitem/add/")
    page.locator("#id_title_en").fill(title)
    page.locator("#id_teaser_en").fill("A teaser for the listing.")
    pick(page, "id_issuers-0-structure", "Serbia", site.data["structure_name"])


def body_editor(page, language="en"):
    return page.locator(f".prose-editor:has(#id_body_{language}) .tiptap")


def menu_button(page, title, language="en"):
    return page.locator(f".prose-editor:has(#id_body_{language}) .prose-menubar button").filter(
        has=page.locator(f"xpath=self::*[@title='{title}']")
    )


def saved_body(page, language="en"):
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist")
    assert errors.count() == 0, errors.all_inner_texts()
    page.wait_for_url(re.compile(r"/admin/news/newsitem/\d+/change/"))
    return page.locator(f"#id_body_{language}").input_value()


def paste(page, html, language="en"):
    body_editor(page, language).evaluate(
        """(target, html) => {
            const data = new DataTransfer()
            data.setData("text/html", html)
            data.setData("text/plain", "")
            target.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            }))
        }""",
        html,
    )


def test_type_format_link_to_a_page_and_insert_a_table(new_page, site):
    page = new_page()
    log_in(page, "editor")
    start_item(page, site, "Rich text journey")
    editor = body_editor(page)
    editor.click()
    page.keyboard.press("Control+Alt+2")
    page.keyboard.type("Findings")
    page.keyboard.press("Enter")
    page.keyboard.type("Read ")
    page.keyboard.press("Control+b")
    page.keyboard.type("carefully")
    page.keyboard.press("Control+b")
    page.keyboard.type(" about ")

    menu_button(page, "Link to a page on this site").click()
    dialog = page.get_by_role("dialog", name="Link to a page on this site")
    dialog.get_by_label("Search by title").fill("policing Serbia")
    result = dialog.locator(".internal-link-results button").first
    result.wait_for()
    assert "/news/journey-policing-" in result.get_attribute("data-url")
    result.click()
    assert dialog.count() == 0

    page.keyboard.press("Enter")
    menu_button(page, "Insert table").click()
    table_dialog = page.locator("dialog.prose-editor-dialog")
    assert table_dialog.get_by_label("Include header row").is_checked()
    table_dialog.get_by_role("button", name="Insert Table").click()
    page.keyboard.type("Year")
    page.keyboard.press("Tab")
    page.keyboard.type("Visits")

    body = saved_body(page)
    assert "<h2>Findings</h2>" in body
    assert "<strong>carefully</strong>" in body
    assert re.search(r'<a href="/news/journey-policing-\d+/"[^>]*>Community policing', body)
    assert '<th scope="col"' in body and ">Year<" in body and ">Visits<" in body
    assert "<td" in body
    # Loaded again, the editor shows what was saved.
    assert body_editor(page).locator("h2").inner_text() == "Findings"
    assert body_editor(page).locator("th").count() == 3

    # Opened and saved with another change only, the body is not "changed" (bug 6).
    page.locator("#id_teaser_en").fill("Another teaser.")
    assert saved_body(page) == body
    change_url = page.url
    page.goto(change_url.replace("/change/", "/history/"))
    newest = page.locator("#revision-history tbody tr").first.inner_text()
    assert "Changed Teaser [en]." in newest and "Body" not in newest


def test_paste_from_word_and_google_docs_keeps_structure_and_drops_the_rest(new_page, site):
    page = new_page()
    log_in(page, "editor")
    start_item(page, site, "Pasted from elsewhere")
    body_editor(page).click()
    paste(page, WORD_HTML)
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    paste(page, GOOGLE_HTML)

    body = saved_body(page)
    assert "<h2>Annual review</h2>" in body
    assert "<strong>trained</strong>" in body and "<em>forty</em>" in body
    assert re.search(r"<ul><li><p>Border crossings</p></li><li><p>Airports</p></li></ul>", body)
    assert "·" not in body
    assert "<table>" in body and ">Skopje<" in body
    assert '<a href="https://www.osce.org/skopje"' in body
    assert "<h2>Next steps</h2>" in body
    assert "<strong>Partners</strong> agreed to <em>meet again</em>." in body
    assert "<li><p>Vienna in May</p></li>" in body
    assert '<a href="https://www.osce.org/odihr"' in body
    # Nothing of the word processors' own markup survives, and no empty paragraphs.
    leftovers = (
        "style=",
        "class=",
        "<span",
        "o:p",
        "docs-internal",
        "<p></p>",
        "<p><br>",
        "&nbsp;",
    )
    for leftover in leftovers:
        assert leftover not in body, leftover
    # Google's wrapper did not make everything bold.
    assert "<strong>Next steps" not in body and "<strong>Vienna" not in body


def test_one_language_switch_for_the_whole_form(new_page, site):
    page = new_page()
    log_in(page, "editor")
    page.goto("/admin/news/newsitem/add/")
    switch = page.get_by_role("group", name="Language of the translated fields")
    assert switch.get_by_role("radio").count() == 6
    assert switch.get_by_role("radio", name="English").is_checked()
    assert page.locator("#id_title_en").is_visible()
    assert not page.locator("#id_title_ru").is_visible()
    assert not body_editor(page, "ru").is_visible()
    # Tabs no more: one strip for the form, not one per field.
    assert page.locator("[role=tablist]").count() == 0

    switch.get_by_role("radio", name="English").focus()
    page.keyboard.press("ArrowRight")
    assert switch.get_by_role("radio", name="French").is_checked()
    assert (
        page.locator("#id_title_fr").is_visible() and not page.locator("#id_title_en").is_visible()
    )
    switch.get_by_role("radio", name="Russian").check()
    assert page.locator("#id_title_ru").is_visible() and body_editor(page, "ru").is_visible()
    assert page.locator("#id_slug").is_visible()  # untranslated fields always show

    # The choice lasts while editing: the form opened again shows Russian.
    page.reload()
    assert page.get_by_role("radio", name="Russian").is_checked()

    # An error in a language that is not shown is flagged on the switch, which opens on it.
    switch = page.get_by_role("group", name="Language of the translated fields")
    switch.get_by_role("radio", name="English").check()
    page.locator("#id_title_en").fill("Item with a German problem")
    switch.get_by_role("radio", name="German").check()
    page.locator("#id_in_language_de").check()
    switch.get_by_role("radio", name="English").check()
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_load_state()
    flagged = page.locator(".language-switch__errors")
    assert flagged.count() == 1 and "German" in flagged.inner_text()
    assert page.get_by_role("radio", name=re.compile("German")).is_checked()
    assert page.locator("#id_title_de").is_visible()


def test_without_javascript_every_language_shows(browser, site):
    context, page, _errors = _new_page(browser, site, viewport=DESKTOP, java_script_enabled=False)
    log_in(page, "editor")
    page.goto("/admin/news/newsitem/add/")
    for code in ("en", "fr", "de", "it", "ru", "es"):
        assert page.locator(f"#id_title_{code}").is_visible()
        assert page.locator(f"#id_body_{code}").is_visible()
    context.close()


def test_a_wide_table_scrolls_in_its_own_box_at_320_px(browser, site):
    context, page, errors = _new_page(browser, site, viewport={**PHONE, "width": 320})
    page.goto(f"/news/{site.data['news_with_table']}/")
    box = page.get_by_role("region", name=re.compile("Table"))
    assert box.locator("th[scope=col]").count() == 5
    assert box.evaluate("node => getComputedStyle(node).overflowX") == "auto"
    assert box.get_attribute("tabindex") == "0"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    context.close()
    assert errors.errors == []


def test_the_slug_comes_from_the_first_title_typed_in_any_language(new_page, site):
    page = new_page()
    log_in(page, "editor")
    page.goto("/admin/news/newsitem/add/")
    switch = page.get_by_role("group", name="Language of the translated fields")
    switch.get_by_role("radio", name="Russian").check()
    page.locator("#id_title_ru").press_sequentially("Выборы в Сербии")
    assert page.locator("#id_slug").input_value() == "vybory-v-serbii"
    # A second language does not take over from the first.
    switch.get_by_role("radio", name="English").check()
    page.locator("#id_title_en").press_sequentially("Elections in Serbia")
    assert page.locator("#id_slug").input_value() == "vybory-v-serbii"
    # Emptied, the first gives way to the next one typed.
    switch.get_by_role("radio", name="Russian").check()
    page.locator("#id_title_ru").fill("")
    page.locator("#id_title_ru").dispatch_event("input")
    assert page.locator("#id_slug").input_value() == "elections-in-serbia"
    # A slug the editor typed is left alone.
    page.locator("#id_slug").fill("serbia-2026")
    page.locator("#id_title_ru").press_sequentially("Выборы")
    assert page.locator("#id_slug").input_value() == "serbia-2026"


def test_a_title_without_latin_spelling_leaves_the_slug_to_the_editor_with_a_hint(new_page, site):
    page = new_page()
    log_in(page, "editor")
    page.goto("/admin/news/newsitem/add/")
    page.locator("#id_title_en").press_sequentially("欧安组织")
    assert page.locator("#id_slug").input_value() == ""
    assert "type the slug yourself" in page.locator(".slug-hint").inner_text()


def test_the_editor_and_its_dialogs_pass_axe(browser, site, axe_source):
    from .test_accessibility import violations

    context, page, _errors = _new_page(browser, site, viewport=DESKTOP, bypass_csp=True)
    log_in(page, "publisher")
    page.goto(f"/admin/news/newsitem/{site.data['restore_item_id']}/change/")
    body_editor(page).click()
    found = violations(page, axe_source, "editor")
    menu_button(page, "Link to a page on this site").click()
    dialog = page.get_by_role("dialog", name="Link to a page on this site")
    dialog.get_by_label("Search by title").fill("policing")
    dialog.locator(".internal-link-results button").first.wait_for()
    found += violations(page, axe_source, "link chooser")
    dialog.get_by_role("button", name="Cancel").click()
    menu_button(page, "Insert table").click()
    found += violations(page, axe_source, "table dialog")
    context.close()
    assert not found, "\n".join(found)


def test_a_table_gets_a_caption_and_a_head_row_and_the_buttons_are_named_in_words(new_page, site):
    page = new_page()
    log_in(page, "editor")
    start_item(page, site, "Table with a caption")
    # Each toolbar button is named by its tooltip, never by its icon's ligature.
    toolbar = page.locator(".prose-editor:has(#id_body_en) .prose-menubar")
    toolbar.locator("button[aria-label='bold']").wait_for()
    assert toolbar.get_by_role("button", name="bold", exact=True).count() == 1
    assert toolbar.get_by_role("button", name=re.compile("format_bold")).count() == 0
    for button in toolbar.get_by_role("button").all():
        assert button.get_attribute("aria-label") == button.get_attribute("title")

    body_editor(page).click()
    menu_button(page, "Insert table").click()
    dialog = page.locator("dialog.prose-editor-dialog")
    dialog.get_by_label("Caption (what the table shows)").fill("Visits by year")
    dialog.get_by_role("button", name="Insert Table").click()
    page.keyboard.type("Year")
    page.keyboard.press("Tab")
    page.keyboard.type("Visits")
    body = saved_body(page)
    assert '<table><caption>Visits by year</caption><thead><tr><th scope="col"' in body
    assert "</tr></thead><tbody><tr><td" in body
    # Loaded again: the caption is the table's, not a row of it; the button changes it.
    assert body_editor(page).locator("tr").count() == 3
    body_editor(page).locator("td").first.click()
    menu_button(page, "Table caption").click()
    caption = page.locator("dialog.prose-editor-dialog")
    field = caption.get_by_label("Caption (what the table shows)")
    assert field.input_value() == "Visits by year"
    field.fill("Visits per year")
    caption.get_by_role("button", name="Update").click()
    assert "<caption>Visits per year</caption><thead>" in saved_body(page)


def test_the_toolbar_shows_words_where_the_icon_font_is_missing(browser, site):
    context, page, _errors = _new_page(browser, site, viewport=DESKTOP)
    context.route("**/material-icons*", lambda route: route.abort())
    context.route("**/*.woff2", lambda route: route.abort())
    log_in(page, "editor")
    page.goto("/admin/news/newsitem/add/")
    toolbar = page.locator(".prose-editor:has(#id_body_en) .prose-menubar")
    toolbar.locator("button[aria-label='bold']").wait_for()
    toolbar.locator(".prose-menubar__label").first.wait_for(state="visible")
    bold = toolbar.get_by_role("button", name="bold", exact=True)
    assert bold.inner_text().strip() == "bold"
    context.close()
