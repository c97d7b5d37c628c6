"""Every page type, in every language, fits a 320 px phone up to a 1280 px desktop.

Long German and Russian words ("Sicherheitsüberprüfungskonferenzen", "Направления
деятельности") and longer French labels ("Rechercher") broke layouts that were only looked at
in English: a page wider than the screen scrolls sideways, and a box that hides its overflow
cuts words off ("45 ite", "Sea"). Both are measured with the fonts this machine has, after the
web fonts settle, with every <details> open (the folded filter panels and menus too).

One browser page per width visits all the URLs; a screenshot of each (as it first shows)
lands in artifacts/layout/, and a full-page one, details open, of each failure, to look at.
"""

import pytest
from django.conf import settings

from .conftest import ARTIFACTS

SHOTS = ARTIFACTS / "layout"
WIDTHS = (320, 375, 768, 1280)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGE_TYPES = {
    "home": "/",
    "news": "/news/",
    # "+N" counts, units shown "included in …", the legend.
    "news-ticked": "/news/?field_of_work={field_of_work}&issued_by=secretariat",
    "news-item": "/news/{news_with_image}/",
    "fields-of-work": "/fields-of-work/",
    "field-of-work": "/fields-of-work/{field_of_work}/",
    "countries": "/countries/",
    "country": "/countries/{country}/",
    "structures": "/structures/",
    "structure": "/structures/{structure}/",
    "meetings": "/meetings/",
    "meeting": "/meetings/{meeting}/",
    "projects": "/projects/",
    "field-operations": "/field-operations/?sort=staff",
    "project": "/projects/{project}/",
    "documents": "/documents/",
    "document": "/documents/{document}/",
    "search": "/search/?q=police",
    "simple-page": "/about/contacts/",
    "api-docs": "/api/v1/docs/",
}

# Boxes that hide or scroll their overflow and whose text is wider (or, when hidden, taller)
# than the box. Visually hidden text for screen readers (a 1 px box) is meant to be clipped,
# what is not rendered (a closed menu) cannot be seen cut, and a labelled region a keyboard can
# scroll (a wide table's box: role="region", tabindex="0") is meant to scroll.
FIND_CLIPPED_TEXT = """() => {
  const clipping = new Set(["hidden", "clip", "auto", "scroll"]);
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    if (!clipping.has(style.overflowX) && !clipping.has(style.overflowY)) continue;
    if (element.matches('[role="region"][tabindex="0"]')) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    if (!element.textContent.trim()) continue;
    const cutY = ["hidden", "clip"].includes(style.overflowY);
    if (element.scrollWidth > element.clientWidth + 1
        || (cutY && element.scrollHeight > element.clientHeight + 1)) {
      const text = element.textContent.trim().replace(/\\s+/g, " ").slice(0, 60);
      found.push(`<${element.localName} class="${element.className}"> `
        + `${element.scrollWidth}x${element.scrollHeight} in `
        + `${element.clientWidth}x${element.clientHeight}: ${text}`);
    }
  }
  return found;
}"""

OPEN_DETAILS = """() => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  return document.fonts.ready.then(() => true);
}"""


def measure(page):
    """What is wrong with the page now: [] when it fits its width and cuts no text."""
    page.evaluate(OPEN_DETAILS)
    problems = []
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    inner_width = page.evaluate("innerWidth")
    if scroll_width > inner_width:
        problems.append(f"the page is {scroll_width} px wide")
    return problems + page.evaluate(FIND_CLIPPED_TEXT)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_in_every_language_fits_the_width(browser, site, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=site.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    failures = []
    checked = 0
    try:
        for language in LANGUAGES:
            prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
            for name, path in PAGE_TYPES.items():
                url = prefix + path.format(**site.data)
                response = page.goto(url)
                assert response.status == 200, f"{url}: {response.status}"
                page.screenshot(path=SHOTS / f"{width}-{language}-{name}.png")
                problems = measure(page)
                checked += 1
                if problems:
                    shot = SHOTS / f"{width}-{language}-{name}-opened.png"
                    page.screenshot(path=shot, full_page=True)
                failures += [f"{url} at {width} px: {problem}" for problem in problems]
    finally:
        context.close()
    assert checked == len(LANGUAGES) * len(PAGE_TYPES)
    assert failures == [], "\n".join(failures)
