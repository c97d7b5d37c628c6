"""A typo in a live item fixed as a working draft, reviewed and approved, while the public page
keeps answering 200 with the old text until the approval; the new admin pages at 0 axe
violations."""

import re

from .conftest import DESKTOP, MESSAGES
from .test_accessibility import violations
from .test_editor_journey import log_in


def live_status(new_page, path):
    """The public page, fetched anonymously in a fresh browser (nothing from a browser
    cache): it must answer 200 at every step."""
    visitor = new_page()
    response = visitor.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    title = visitor.locator("h1").inner_text()
    return title


def test_an_editor_fixes_a_live_typo_as_a_draft_and_a_publisher_approves_it(
    new_page, browser, site, axe_source
):
    slug = site.data["news_without_image"]
    path = f"/news/{slug}/"
    old_title = live_status(new_page, path)
    fixed_title = f"{old_title} (corrected)"

    editor = new_page()
    log_in(editor, "editor")
    editor.goto(f"/admin/news/newsitem/?q={slug}")
    editor.locator("#result_list tbody tr th a").first.click()
    editor.wait_for_url(re.compile(r"/admin/news/newsitem/\d+/change/"))
    change_url = editor.url.split("?")[0]
    editor.goto(change_url)
    assert "This item is live" in editor.locator("#content-main").inner_text()
    editor.locator("#id_title_en").fill(fixed_title)

    # Preview of the unsaved form, in a new tab, with the public templates.
    with editor.context.expect_page() as opened:
        editor.get_by_role("button", name="Preview").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.locator("h1").inner_text() == fixed_title
    assert "Preview of unsaved changes" in preview.locator(".preview-banner").inner_text()
    preview.close()
    assert live_status(new_page, path) == old_title

    editor.get_by_role("button", name="Save draft of changes").click()
    editor.wait_for_url(change_url)
    assert "The live version is unchanged" in editor.locator(MESSAGES).inner_text()
    assert "you are editing a draft of changes" in editor.locator(".editorial-banner").inner_text()
    assert editor.locator("#id_title_en").input_value() == fixed_title
    assert live_status(new_page, path) == old_title

    editor.get_by_label("Note for the reviewer (optional)").fill("Typo in the title")
    editor.get_by_role("button", name="Submit for review").click()
    editor.wait_for_url(change_url)
    assert "Submitted for review" in editor.locator(MESSAGES).inner_text()
    assert live_status(new_page, path) == old_title

    publisher = new_page()
    log_in(publisher, "publisher")
    waiting = publisher.locator("#dashboard-review + table")
    assert "Typo in the title" in waiting.inner_text()
    waiting.get_by_role("link").first.click()
    publisher.wait_for_url(change_url)
    assert publisher.locator("#id_title_en").input_value() == fixed_title
    publisher.get_by_role("link", name="Compare the draft with the live version").click()
    assert fixed_title in publisher.locator("#revision-compare").inner_text()
    publisher.go_back()
    assert live_status(new_page, path) == old_title

    publisher.get_by_label("Comment for the author").fill("Thanks, well spotted.")
    publisher.get_by_role("button", name="Approve and publish").click()
    publisher.wait_for_url(change_url)
    assert "Approved and published" in publisher.locator(MESSAGES).inner_text()
    assert live_status(new_page, path) == fixed_title


def test_the_draft_pages_have_no_wcag_violations(browser, site, axe_source):
    """The change form with a working draft under review, the draft-against-live comparison
    and the preview, signed in as the publisher."""
    context = browser.new_context(base_url=site.url, viewport=DESKTOP, bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, "publisher")
    page.goto(f"/admin/news/meeting/{site.data['meeting_id']}/change/")
    page.get_by_label("Note for the reviewer (optional)").fill("Please check the dates")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(re.compile(r"/change/$"))
    found = violations(page, axe_source, "change form under review")
    change_url = page.url
    page.get_by_role("button", name="Save draft of changes").click()
    page.wait_for_url(change_url)
    found += violations(page, axe_source, "change form with a working draft")
    page.get_by_role("link", name="Compare the draft with the live version").click()
    found += violations(page, axe_source, "draft against live")
    page.goto(change_url)
    with context.expect_page() as opened:
        page.get_by_role("button", name="Preview").click()
    preview = opened.value
    preview.wait_for_load_state()
    found += violations(preview, axe_source, "preview of unsaved changes")
    page.goto("/admin/")
    found += violations(page, axe_source, "dashboard with a review waiting")
    page.goto(change_url)
    page.get_by_role("button", name="Discard draft of changes").click()
    page.wait_for_url(change_url)
    context.close()
    assert not found, "\n".join(found)
