"""`/api/v1/docs/` in chromium: Swagger UI starts under the site's Content-Security-Policy,
lists the API's operations, and fetches nothing from another host."""

from urllib.parse import urlsplit

import pytest

from tests.factories import NewsItemFactory
from tests.security.test_csp_in_browser import browser_page

pytestmark = pytest.mark.django_db(transaction=True)


def test_docs_page_renders_the_operations_from_local_files_only(live_server, settings):
    settings.SITE_URL = live_server.url
    NewsItemFactory(slug="browser-news")
    origin = urlsplit(live_server.url).netloc
    with browser_page() as (page, problems):
        hosts = set()
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        page.goto(live_server.url + "/api/v1/docs/")
        page.wait_for_selector(".opblock-summary-path")
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        # Trying an operation fetches it from the API.
        page.locator(".opblock-summary", has_text="/api/v1/news/").first.click()
        page.locator("button.try-out__btn").first.click()
        page.locator("button.execute").first.click()
        page.wait_for_selector(".live-responses-table tbody .response-col_status")
        status = page.locator(".live-responses-table tbody .response-col_status").first.inner_text()
    assert problems == []
    assert hosts == {origin}
    assert "/api/v1/news/" in [path.strip() for path in paths]
    assert status.strip().startswith("200")
