"""The dashboard's publishing calendar in a browser: a publisher drags a scheduled item onto
another day (Playwright's drag_to), and reschedules another with the keyboard alone through
its Reschedule form; both keep their time of day."""

import datetime
from zoneinfo import ZoneInfo

from .conftest import MESSAGES
from .test_editor_journey import log_in


def calendar_day(page, iso_day):
    return page.locator(f"#schedule-calendar td[data-day='{iso_day}']")


def item_day(page, title):
    """The day (YYYY-MM-DD) whose cell holds the item called `title`."""
    return page.locator("#schedule-calendar td[data-day]", has_text=title).get_attribute("data-day")


def neighbour_in_grid(page, day):
    """A day next to `day`, still to come and in the shown grid (one of the two always is)."""
    today = datetime.datetime.now(ZoneInfo("Europe/Vienna")).date()
    for candidate in (day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)):
        if candidate > today and calendar_day(page, candidate.isoformat()).count():
            return candidate
    raise AssertionError(f"no neighbour of {day} in the grid")


def test_a_publisher_drags_an_item_to_another_day(new_page, site):
    page = new_page()
    log_in(page, "publisher")
    page.goto(f"/admin/?month={site.data['calendar_month']}")
    title = "Calendar item to drag"
    before = datetime.date.fromisoformat(item_day(page, title))
    target = neighbour_in_grid(page, before)
    item = page.locator("#schedule-calendar a[draggable='true']", has_text=title)
    time_of_day = item.locator("time").inner_text()

    with page.expect_navigation():
        item.drag_to(calendar_day(page, target.isoformat()))

    assert page.locator(f"{MESSAGES} .success", has_text="now goes live on").count() == 1
    moved = page.locator("#schedule-calendar a[draggable='true']", has_text=title)
    assert item_day(page, title) == target.isoformat()
    assert moved.locator("time").inner_text() == time_of_day == "10:00"


def test_an_editor_cannot_drag_and_has_no_reschedule_link(new_page, site):
    page = new_page()
    log_in(page, "editor")
    page.goto(f"/admin/?month={site.data['calendar_month']}")
    calendar = page.get_by_role("region", name="Publishing calendar")
    assert calendar.get_by_role("table").count() == 1
    # Long titles are cut inside their day, never widening the page.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert calendar.locator("a", has_text="Calendar item for the keyboard").count() == 1
    assert calendar.locator("[draggable='true']").count() == 0
    assert calendar.get_by_role("link", name="Reschedule").count() == 0


def test_a_publisher_reschedules_with_the_keyboard(new_page, site):
    page = new_page()
    log_in(page, "publisher")
    page.goto(f"/admin/?month={site.data['calendar_month']}")
    title = "Calendar item for the keyboard"
    before = datetime.date.fromisoformat(item_day(page, title))
    target = before + datetime.timedelta(days=7)

    link = page.get_by_role("link", name=f"Reschedule {title}")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    day = page.get_by_label("New day")
    assert day.input_value() == before.isoformat()
    day.focus()
    day.fill(target.isoformat())
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator(f"{MESSAGES} .success", has_text="now goes live on").count() == 1
    assert page.url.endswith(f"?month={target:%Y-%m}#schedule-calendar")
    assert item_day(page, title) == target.isoformat()
    entry = page.locator("#schedule-calendar a[draggable='true']", has_text=title)
    assert entry.locator("time").inner_text() == "10:00"


def test_a_day_in_the_past_is_refused_in_the_form(new_page, site):
    page = new_page()
    log_in(page, "publisher")
    page.goto(f"/admin/reschedule/news/newsitem/{site.data['calendar_keyboard_id']}/")
    page.get_by_label("New day").fill("2020-01-01")
    page.get_by_role("button", name="Reschedule").click()

    assert page.locator(".errornote", has_text="is in the past").count() == 1
