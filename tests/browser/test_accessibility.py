"""axe-core in Chromium on every public page type, at desktop and phone widths: no WCAG 2.2
A/AA violations. Menus and the folded filter panel are also checked open, since axe only
judges what is rendered."""

import pytest

from .conftest import DESKTOP, PHONE
from .pages import ADMIN_PAGES, PAGES, page_path
from .test_editor_journey import log_in

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe_pages(browser, site):
    # axe is injected as an inline script, which the site's Content-Security-Policy refuses.
    contexts = [
        browser.new_context(base_url=site.url, viewport=viewport, bypass_csp=True, **extra)
        for viewport, extra in (
            (DESKTOP, {}),
            (PHONE, {"is_mobile": True, "has_touch": True}),
        )
    ]
    for context in contexts:
        context.set_default_timeout(10_000)
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def violations(page, axe_source, label):
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    found = []
    for violation in result["violations"]:
        for node in violation["nodes"][:5]:
            found.append(
                f"{label}: {violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    {', '.join(map(str, node['target']))}\n"
                f"    {node['failureSummary'].replace(chr(10), ' ')}"
            )
    return found


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_violations(name, axe_pages, axe_source, site):
    found = []
    for page in axe_pages:
        width = page.viewport_size["width"]
        page.goto(page_path(name, site.data))
        found += violations(page, axe_source, f"{name} at {width} px")
    assert not found, "\n".join(found)


@pytest.fixture(scope="module")
def admin_axe_page(browser, site):
    """The publisher, signed in at desktop width: the admin is a desk tool."""
    context = browser.new_context(base_url=site.url, viewport=DESKTOP, bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, "publisher")
    yield page
    context.close()


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_page_has_no_wcag_violations(name, admin_axe_page, axe_source, site):
    admin_axe_page.goto(page_path(name, site.data))
    assert admin_axe_page.locator("#header").count() == 1, "not an admin page"
    found = violations(admin_axe_page, axe_source, name)
    assert not found, "\n".join(found)


def test_open_menus_and_filters_have_no_wcag_violations(axe_pages, axe_source, site):
    desktop, phone = axe_pages
    found = []
    desktop.goto("/news/")
    desktop.locator("summary", has_text="Our work").click()
    found += violations(desktop, axe_source, "news listing, 'Our work' menu open, 1280 px")

    phone.goto("/news/")
    phone.locator("summary.site-menu-toggle").tap()
    phone.locator("summary", has_text="Countries").tap()
    found += violations(phone, axe_source, "news listing, menu open, 375 px")
    phone.locator("summary.site-menu-toggle").tap()
    phone.locator(".news-listing__filters .filter-toggle > summary").tap()
    phone.locator("details.facet").evaluate_all("facets => facets.forEach(f => f.open = true)")
    found += violations(phone, axe_source, "news listing, all filters open, 375 px")
    assert not found, "\n".join(found)
