"""Editing presence in a browser: the editor opens a draft, the publisher who opens it too is
told who is editing it; when the editor leaves the page (navigator.sendBeacon), the
publisher's banner clears at their next heartbeat."""

from .conftest import MESSAGES, PRESENCE
from .test_editor_journey import log_in

# What makes Django's warning message look like one; the banner must match it property for
# property (static/admin_osce/editing_presence.css), in a wide and a narrow window.
STYLE = """([banner, probe]) => {
    const names = ["paddingLeft", "fontSize", "backgroundColor", "backgroundImage",
                   "backgroundPositionX", "marginBottom"];
    const style = (element) => names.map((name) => getComputedStyle(element)[name]);
    return [style(banner), style(probe)];
}"""


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
    # Its own class: not one of Django's messages, though it looks like their warning.
    assert publisher.locator(f"{PRESENCE} li").count() == 1
    assert publisher.locator(MESSAGES).count() == 0
    probe = publisher.evaluate_handle(
        """() => {
            const list = document.createElement("ul");
            list.className = "messagelist";
            list.innerHTML = '<li class="warning">probe</li>';
            document.querySelector("#content").prepend(list);
            return list.firstChild;
        }"""
    )
    item = publisher.locator(f"{PRESENCE} li").element_handle()
    for width in (1280, 900, 600):
        publisher.set_viewport_size({"width": width, "height": 900})
        shown, warning = publisher.evaluate(STYLE, [item, probe])
        assert shown == warning
    publisher.evaluate("(probe) => probe.parentNode.remove()", probe)

    editor.locator(".breadcrumbs a").first.click()
    editor.wait_for_url("**/admin/")
    # The next beat (every 30 s; at once when the tab is shown again) brings the news.
    with publisher.expect_response(lambda response: response.url.endswith("/presence/")):
        publisher.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    publisher.locator("#editing-presence").wait_for(state="hidden")
