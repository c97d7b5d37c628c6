"""The Content-Security-Policy as a browser applies it: chromium loads the public pages and
the admin's add, change, history, compare and restore pages, and reports no refused script,
style or image and no script error — the admin's own JavaScript included.

Skipped only where Debian's chromium or the playwright package is missing (CI installs both;
with `CI=true` their absence fails instead, tests.infrastructure).
"""

import contextlib
import datetime
from pathlib import Path

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from core.publishing import Status
from tests.factories import MeetingFactory, NewsItemFactory, StructureFactory, UserFactory
from tests.infrastructure import missing

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "correct horse battery staple"
NOT_FOUND = "/news/no-such-page/"

pytestmark = pytest.mark.django_db(transaction=True)


@contextlib.contextmanager
def browser_page():
    """Started after the test's data is written: while playwright runs, its event loop makes
    this thread refuse ORM calls."""
    if not CHROMIUM.exists():
        missing("/usr/bin/chromium is missing (apt-get install chromium)")
    try:
        from playwright import sync_api
    except ImportError:
        missing("the playwright package is missing (pip install '.[dev]')")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page()
        page.set_default_timeout(15_000)
        problems = []
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on("console", lambda message: _console(message, problems))
        page.on("response", lambda response: _status(response, problems))
        try:
            yield page, problems
        finally:
            browser.close()


def _console(message, problems):
    # A page answered 404 on purpose logs "Failed to load resource"; its response is checked.
    if message.type in ("error", "warning") and "Failed to load resource" not in message.text:
        problems.append(f"console {message.type}: {message.text}")


def _status(response, problems):
    if response.status >= 400 and not response.url.endswith(NOT_FOUND):
        problems.append(f"{response.status} {response.url}")


def test_public_and_admin_pages_run_under_the_policy_without_violations(live_server, settings):
    settings.SITE_URL = live_server.url
    structure = StructureFactory(name="Secretariat", slug="secretariat")
    item = NewsItemFactory(title="Browser news", slug="browser-news", issued_by=[structure])
    draft = NewsItemFactory(title="Browser draft", slug="browser-draft", status=Status.DRAFT)
    for title in ("First", "Second"):
        with reversion.create_revision():
            draft.title = title
            draft.save()
    meeting = MeetingFactory(
        slug="browser-meeting",
        start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2025, 3, 2),
    )
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    first, second = Version.objects.get_for_object(draft).order_by("pk")
    urls = {
        "add": reverse("admin:news_newsitem_add"),
        "index": reverse("admin:index"),
        "login": reverse("admin:login"),
    }
    admin_pages = [
        urls["add"],
        reverse("admin:news_newsitem_change", args=[item.pk]),
        reverse("admin:news_newsitem_changelist"),
        reverse("admin:news_newsitem_history", args=[draft.pk]),
        reverse("admin:news_newsitem_compare", args=[draft.pk])
        + f"?before={first.pk}&after={second.pk}",
        reverse("admin:news_newsitem_revision", args=[draft.pk, first.pk]),
        reverse("admin:news_meeting_add"),
        reverse("admin:news_meeting_change", args=[meeting.pk]),
        reverse("admin:news_newsitem_delete", args=[item.pk]),
    ]
    with browser_page() as (page, problems):
        visit(page, live_server.url, admin_pages, urls)
    assert problems == []


def visit(page, site, admin_pages, urls):
    """The public pages, then the admin signed in as a superuser."""
    public = [
        "/",
        "/news/",
        "/news/?q=browser",
        "/news/browser-news/",
        "/meetings/",
        "/meetings/browser-meeting/",
        "/search/?q=browser",
        "/structures/secretariat/",
        NOT_FOUND,
    ]
    for path in public:
        page.goto(site + path)
    assert page.locator("h1").count() >= 1

    page.goto(site + urls["login"])
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(site + urls["index"])

    for path in admin_pages:
        page.goto(site + path)
        page.wait_for_load_state("load")

    # The admin's JavaScript ran: the rich-text editor and the autocomplete widgets are built
    # by scripts, which a refused script would leave missing.
    page.goto(site + urls["add"])
    # The editor's modules load one by one: on a loaded machine that has taken over 15 s. A
    # script the policy refuses leaves the editor missing however long this waits.
    page.wait_for_selector("[contenteditable=true]", timeout=60_000)
    page.wait_for_selector(".select2-container")
    # Typing a title fills the slug (the admin's prepopulate script).
    page.locator("#id_title_en").press_sequentially("Typed in the browser")
    assert page.input_value("#id_slug") == "typed-in-the-browser"
