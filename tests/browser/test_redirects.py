"""An old address in a browser: a visitor lands on the current page, in the same language;
a publisher finds the old address on the meeting's form and in the Redirects list."""

from .test_editor_journey import log_in


def test_an_old_address_lands_on_the_current_page(new_page, site):
    visitor = new_page()
    old, new = site.data["meeting_old_slug"], site.data["meeting"]
    response = visitor.goto(f"/ru/meetings/{old}/?utm_source=newsletter")
    assert response.status == 200
    assert visitor.url == f"{site.url}/ru/meetings/{new}/"
    assert visitor.locator("html").get_attribute("lang") == "ru"


def test_a_publisher_sees_the_old_address_and_can_remove_it_from_the_list(new_page, site):
    publisher = new_page()
    log_in(publisher, "publisher")
    old = f"/meetings/{site.data['meeting_old_slug']}/"
    publisher.goto(f"/admin/news/meeting/{site.data['meeting_id']}/change/")
    section = publisher.get_by_role("region", name="Old addresses that redirect here")
    assert section.get_by_role("link", name=old).count() == 1
    section.get_by_role("link", name="All redirects of this type").click()
    publisher.wait_for_url("**/admin/redirects/slugredirect/?type=*")
    row = publisher.locator("#result_list tbody tr", has_text=old)
    row.wait_for()
    assert row.count() == 1
    assert row.locator("input.action-select").count() == 1
