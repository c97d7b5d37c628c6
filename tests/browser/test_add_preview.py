"""An editor previews a news item before it was ever saved: a new tab, every language, and
nothing is created."""

import re

from .test_editor_journey import log_in, pick

TITLE = "Preview before the first save"


def test_an_unsaved_new_item_previews_in_a_new_tab_in_every_language(new_page, site):
    editor = new_page()
    log_in(editor, "editor")
    editor.goto("/admin/news/newsitem/add/")
    editor.locator("#id_title_en").press_sequentially(TITLE)
    editor.locator("#id_teaser_en").fill("Seen before anything is saved.")
    pick(editor, "id_issuers-0-structure", "Serbia", site.data["structure_name"])
    with editor.context.expect_page() as opened:
        editor.get_by_role("button", name="Preview", exact=True).click()
    preview = opened.value
    preview.wait_for_load_state()
    assert re.search(r"/admin/news/newsitem/add/preview/\?key=", preview.url)
    assert TITLE in preview.locator("h1").inner_text()
    assert "Preview" in preview.locator(".preview-banner").inner_text()
    preview.locator(".preview-languages a[lang=de]").click()
    preview.wait_for_url(re.compile(r"lang=de"))
    assert preview.locator("html").get_attribute("lang") == "de"

    # The add form is still there, unsaved, and no item was created.
    assert editor.locator("#id_title_en").input_value() == TITLE
    editor.goto(f"/admin/news/newsitem/?q={TITLE.replace(' ', '+')}")
    assert editor.locator("#result_list tbody tr", has_text=TITLE).count() == 0
