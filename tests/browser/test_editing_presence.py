"""Editing presence in a browser: the editor opens a draft, the publisher who opens it too is
told who is editing it; when the editor leaves the page (navigator.sendBeacon), the
publisher's banner clears at their next heartbeat."""

from .test_editor_journey import log_in


def test_the_second_person_is_told_and_the_banner_clears_when_the_first_leaves(new_page, site):
    change = f"/admin/news/newsitem/{site.data['presence_draft_id']}/change/"
    editor, publisher = new_page(), new_page()
    log_in(editor, "editor")
    log_in(publisher, "publisher")

    editor.goto(change)
    publisher.goto(change)

    banner = publisher.get_by_role("status").filter(has_text="is editing this item since")
    assert banner.count() == 1
    assert "editor is editing this item since" in banner.inner_text()
    assert editor.locator("#editing-presence").is_hidden()

    editor.locator(".breadcrumbs a").first.click()
    editor.wait_for_url("**/admin/")
    # The next beat (every 30 s; at once when the tab is shown again) brings the news.
    with publisher.expect_response(lambda response: response.url.endswith("/presence/")):
        publisher.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    publisher.locator("#editing-presence").wait_for(state="hidden")
