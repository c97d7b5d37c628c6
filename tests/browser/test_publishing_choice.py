"""The publisher's "Save as draft / Publish now / Schedule" choice in a browser whose time zone
is New York's: the date and time show only with "Schedule", and the "Scheduled for …" line
gives the typed moment in Vienna time and in the reader's own."""

import datetime

from .conftest import DESKTOP, _new_page
from .test_editor_journey import log_in

ADD = "/admin/news/newsitem/add/"


def test_a_publisher_schedules_and_sees_both_times(browser, site):
    context, page, errors = _new_page(
        browser, site, viewport=DESKTOP, timezone_id="America/New_York"
    )
    try:
        log_in(page, "publisher")
        page.goto(ADD)
        moment_row = page.locator(".form-row.field-publish_at")
        line = page.locator("#id_publish_at_scheduled_for")
        assert page.get_by_label("Save as draft").is_checked()
        assert moment_row.is_hidden()

        page.get_by_label("Schedule", exact=True).check()
        assert moment_row.is_visible()
        page.locator("#id_publish_at_0").fill("2099-12-05")
        page.locator("#id_publish_at_1").fill("14:00")
        assert line.inner_text() == (
            "Scheduled for 5 December 2099, 14:00 Vienna time (08:00 your time, America/New_York)"
        )
        assert line.get_attribute("aria-live") == "polite"
        assert page.locator("#id_publish_at_1").get_attribute("aria-describedby") == (
            "id_publish_at_scheduled_for"
        )

        # Late in Vienna is another day in New York: the reader's date is given too.
        page.locator("#id_publish_at_0").fill("2099-07-01")
        page.locator("#id_publish_at_1").fill("02:30")
        assert line.inner_text() == (
            "Scheduled for 1 July 2099, 02:30 Vienna time "
            "(30 June 2099, 20:30 your time, America/New_York)"
        )

        page.get_by_label("Publish now").check()
        assert moment_row.is_hidden()
    finally:
        context.close()
    assert errors.errors == []


def test_in_viennas_zone_the_line_gives_one_time(browser, site):
    context, page, errors = _new_page(browser, site, viewport=DESKTOP, timezone_id="Europe/Berlin")
    try:
        log_in(page, "publisher")
        page.goto(ADD)
        page.get_by_label("Schedule", exact=True).check()
        when = datetime.date(2099, 12, 5)
        page.locator("#id_publish_at_0").fill(when.isoformat())
        page.locator("#id_publish_at_1").fill("14:00")
        line = page.locator("#id_publish_at_scheduled_for")
        assert line.inner_text() == "Scheduled for 5 December 2099, 14:00 Vienna time"
    finally:
        context.close()
    assert errors.errors == []
