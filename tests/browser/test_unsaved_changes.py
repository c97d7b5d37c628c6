"""Leaving a changed admin change form asks first (the browser's own beforeunload dialog);
an untouched form, a change undone and a save never ask."""

from .conftest import MESSAGES
from .test_editor_journey import log_in


class Dialogs:
    """The dialogs a page opened, each answered as told (dismissed: the person stays)."""

    def __init__(self, page):
        self.seen = []
        self.accept = False
        page.on("dialog", self._answer)

    def _answer(self, dialog):
        self.seen.append(dialog.type)
        if self.accept:
            dialog.accept()
        else:
            dialog.dismiss()


def leave(page):
    """Follow the breadcrumb to the admin's home, as a person leaving the form would."""
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_timeout(300)


def test_a_changed_form_asks_before_leaving_and_a_save_does_not(new_page, site):
    page = new_page()
    dialogs = Dialogs(page)
    log_in(page, "publisher")
    change_url = f"/admin/news/meeting/{site.data['meeting_id']}/change/"
    page.goto(change_url)
    place = page.locator("#id_place_en")
    original = place.input_value()

    # Typed and undone: nothing changed, nothing asked.
    place.press("End")
    place.press("x")
    place.press("Backspace")
    leave(page)
    assert dialogs.seen == []
    assert page.url.endswith("/admin/")

    # Changed: leaving asks; staying keeps the typed value.
    page.goto(change_url)
    page.locator("#id_place_en").fill(original + " (changed)")
    leave(page)
    assert dialogs.seen == ["beforeunload"]
    assert page.url.endswith(change_url)
    assert page.locator("#id_place_en").input_value() == original + " (changed)"

    # Saving the changed form asks nothing, and the saved form is clean again. (The meeting
    # is live: the publisher says why the change goes live without review.)
    page.get_by_label("Reason for publishing without review").fill("Venue corrected")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_url(f"**{change_url}")
    assert "was changed successfully" in page.locator(MESSAGES).inner_text()
    assert dialogs.seen == ["beforeunload"]
    page.locator("#id_place_en").fill(original)
    page.get_by_label("Reason for publishing without review").fill("Venue restored")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_url(f"**{change_url}")
    leave(page)
    assert dialogs.seen == ["beforeunload"]
    assert page.url.endswith("/admin/")


def test_typing_in_the_rich_text_editor_counts_as_a_change(new_page, site):
    page = new_page()
    dialogs = Dialogs(page)
    log_in(page, "publisher")
    change_url = f"/admin/news/newsitem/{site.data['restore_item_id']}/change/"
    page.goto(change_url)
    page.locator(".prose-editor:has(#id_body_en) .tiptap").click()
    page.keyboard.press("End")
    page.keyboard.type(" An added sentence.")
    leave(page)
    assert dialogs.seen == ["beforeunload"]
    assert page.url.endswith(change_url)

    # Leaving anyway: the browser goes, and nothing was saved.
    dialogs.accept = True
    leave(page)
    assert dialogs.seen == ["beforeunload", "beforeunload"]
    assert page.url.endswith("/admin/")
    page.goto(change_url)
    assert "An added sentence." not in page.locator("#id_body_en").input_value()


def test_a_form_shown_again_with_errors_asks_before_leaving(new_page, site):
    """The refused input was not saved: leaving it asks before anything is touched again."""
    page = new_page()
    dialogs = Dialogs(page)
    log_in(page, "publisher")
    change_url = f"/admin/news/meeting/{site.data['meeting_id']}/change/"
    page.goto(change_url)
    page.locator("#id_slug").fill("")
    page.locator("#id_place_en").fill("Typed before the refusal")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_selector(".errornote")
    assert dialogs.seen == []
    leave(page)
    assert dialogs.seen == ["beforeunload"]
    assert page.locator("#id_place_en").input_value() == "Typed before the refusal"
