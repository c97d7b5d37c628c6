"""A visitor filters the news, asks for e-mail alerts, confirms from the mail received, gets
the next matching item by mail, and unsubscribes in one click (issue 19's journey). The
site sends through a real SMTP server in the test process (`site.mailbox`); the item is
published by the site's own code in a process of the site (`manage.py shell`)."""

import re
import subprocess
import sys
import time

from .conftest import ROOT

ADDRESS = "journey.reader@example.net"


def mails_to(site, count, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = site.mailbox.to(ADDRESS)
        if len(found) >= count:
            return found
        time.sleep(0.2)
    return site.mailbox.to(ADDRESS)


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


def test_visitor_subscribes_confirms_receives_and_unsubscribes(desktop, site):
    page = desktop
    field = site.data["field_of_work"]
    page.goto(f"/news/?field_of_work={field}")
    with page.expect_navigation():
        page.get_by_role("link", name="Get e-mail alerts").click()
    assert "/alerts/news/" in page.url
    page.get_by_label("Your e-mail address").fill(ADDRESS)
    page.get_by_label("As soon as published").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Subscribe").click()
    assert page.locator("h1").inner_text() == "Check your mailbox"

    [confirmation] = mails_to(site, 1)
    confirm_url = re.search(r"https?://\S+/alerts/confirm/\S+/", text(confirmation)).group()
    page.goto(confirm_url)
    with page.expect_navigation():
        page.get_by_role("button", name="Start the alert").click()
    assert page.get_by_role("heading", name="Your alert is on").is_visible()

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
