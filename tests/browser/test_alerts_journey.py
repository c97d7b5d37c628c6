"""A visitor filters the news, asks for e-mail alerts, confirms from the mail received, gets
the next matching item by mail, and unsubscribes in one click (issue 19's journey); another
ticks a type of publication on /documents/ and follows the same way to a confirmed alert for
that filter. The site sends through a real SMTP server in the test process (`site.mailbox`);
the item is published by the site's own code in a process of the site (`manage.py shell`)."""

import re
import subprocess
import sys
import time

from .conftest import ROOT
from .test_visitor_journeys import query, tick

ADDRESS = "journey.reader@example.net"


def mails_to(site, count, timeout=20, address=ADDRESS):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = site.mailbox.to(address)
        if len(found) >= count:
            return found
        time.sleep(0.2)
    return site.mailbox.to(address)


def text(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def publish(site, title, field_of_work):
    """A news item tagged `field_of_work`, published through news.services as an editor's
    action would (its alerts are matched and sent at the commit)."""
    code = (
        "import datetime\n"
        "from django.utils import timezone\n"
        "from news import services\n"
        "from news.models import FieldOfWork, NewsItem\n"
        f"item = NewsItem.objects.create(title={title!r}, slug={title.lower().replace(' ', '-')!r},"
        " teaser='A teaser.', issued_on=timezone.localdate(), in_language_en=True)\n"
        f"item.fields_of_work.set([FieldOfWork.objects.get(slug={field_of_work!r})])\n"
        "services.publish(item)\n"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=site.env, check=True
    )


def subscribe(page, listing, address, frequency):
    """From a listing's page: "Get e-mail alerts", then the form; returns the filter as the
    form shows it: its words and the listing it links to."""
    with page.expect_navigation():
        page.get_by_role("link", name="Get e-mail alerts").click()
    assert f"/alerts/{listing}/" in page.url
    shown = page.locator(".lede a")
    described = (shown.inner_text(), shown.get_attribute("href"))
    page.get_by_label("Your e-mail address").fill(address)
    page.get_by_label(frequency).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Subscribe").click()
    assert page.locator("h1").inner_text() == "Check your mailbox"
    return described


def confirm(page, site, address):
    """Follows the link of the one confirmation mail `address` received; returns the words of
    the confirmed alert's page."""
    [confirmation] = mails_to(site, 1, address=address)
    confirm_url = re.search(r"https?://\S+/alerts/confirm/\S+/", text(confirmation)).group()
    page.goto(confirm_url)
    with page.expect_navigation():
        page.get_by_role("button", name="Start the alert").click()
    assert page.get_by_role("heading", name="Your alert is on").is_visible()
    return page.locator("main").inner_text()


def test_visitor_subscribes_confirms_receives_and_unsubscribes(desktop, site):
    page = desktop
    field = site.data["field_of_work"]
    page.goto(f"/news/?field_of_work={field}")
    subscribe(page, "news", ADDRESS, "As soon as published")
    confirm(page, site, ADDRESS)

    publish(site, "Journey alert item", field)
    alert = mails_to(site, 2)[-1]
    assert "Journey alert item" in text(alert)
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    unsubscribe_url = re.search(r"<(\S+)>", alert["List-Unsubscribe"]).group(1)
    page.goto(unsubscribe_url)
    with page.expect_navigation():
        page.get_by_role("button", name="Unsubscribe").click()
    assert page.get_by_role("heading", name="You are unsubscribed").is_visible()

    publish(site, "Journey item after leaving", field)
    time.sleep(2)
    assert len(site.mailbox.to(ADDRESS)) == 2


def test_visitor_subscribes_to_a_filtered_documents_listing(desktop, site):
    address = "documents.reader@example.net"
    page = desktop
    page.goto("/documents/")
    tick(page, "type", "guidebook")
    assert query(page)["type"] == ["guidebook"]
    type_name = page.locator(".summary-sentence a.tag--removable").first.evaluate(
        "link => link.firstChild.textContent.trim()"
    )
    described, listing_url = subscribe(page, "documents", address, "Once a week")
    assert described.startswith("Publications") and type_name in described, described
    assert listing_url.endswith("/documents/?type=guidebook"), listing_url

    confirmed = confirm(page, site, address)
    assert f"We will e-mail you new items: {described}." in confirmed
