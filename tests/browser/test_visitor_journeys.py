"""What visitors do on the public site, in Chromium: with a mouse, on a phone, with a keyboard."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

from .conftest import PHONE, snap

ATOM = "{http://www.w3.org/2005/Atom}"


def total_shown(page):
    """The number in the summary sentence ("35 news items")."""
    text = page.locator(".summary-sentence strong").first.inner_text()
    return int(re.sub(r"\D", "", text))


def option_count(page, facet, value):
    text = page.locator(f"label[for='facet-{facet}-{value}'] .facet__count").text_content()
    return int(re.match(r"[\d,]+", text).group().replace(",", ""))


def summary_terms(page):
    """The filters the sentence names, each a link that removes it."""
    return page.locator(".summary-sentence a.tag--removable").evaluate_all(
        "links => links.map(link => link.firstChild.textContent.trim())"
    )


def card_paths(page):
    hrefs = page.locator(".news-listing__items .news-card__title a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return [urlsplit(href).path for href in hrefs]


def query(page):
    return parse_qs(urlsplit(page.url).query)


def open_facet(page, facet, tap=False):
    """Unfolds the filter panel (folded on phones) and one of its facets."""
    if not page.locator("#filter-heading").is_visible():
        toggle = page.locator(".news-listing__filters .filter-toggle > summary")
        toggle.tap() if tap else toggle.click()
    details = page.locator(f"details[data-facet='{facet}']")
    if details.get_attribute("open") is None:
        summary = details.locator("summary")
        summary.tap() if tap else summary.click()
    return details


def tick(page, facet, value, tap=False):
    """Ticks an option the way a person does; site JS applies it at once (a GET)."""
    option = open_facet(page, facet, tap).locator(f"label[for='facet-{facet}-{value}']")
    with page.expect_navigation():
        option.tap() if tap else option.click()
    page.wait_for_load_state()


def test_visitor_filters_pages_reads_and_subscribes(desktop, site):
    page = desktop
    field, country = site.data["field_of_work"], site.data["country"]
    page.goto("/")
    assert page.locator("h1").count() == 1
    snap(page, "visitor-01-home")

    navigation = page.get_by_role("navigation", name="Main")
    navigation.locator("summary", has_text="Newsroom").click()
    navigation.get_by_role("link", name="All news", exact=True).click()
    page.wait_for_url("**/news/")
    everything = total_shown(page)
    field_count = option_count(page, "field_of_work", field)
    assert 20 < field_count < everything
    snap(page, "visitor-02-news")

    tick(page, "field_of_work", field)
    assert query(page)["field_of_work"] == [field]
    assert total_shown(page) == field_count
    assert summary_terms(page) == ["Policing"]
    country_count = option_count(page, "country", country)
    assert 0 < country_count < field_count

    tick(page, "country", country)
    assert query(page)["country"] == [country]
    assert total_shown(page) == country_count
    assert summary_terms(page) == ["Policing", site.data["country_name"]]
    assert option_count(page, "field_of_work", field) == country_count
    sentence = page.locator(".summary-sentence").inner_text()
    assert re.search(rf"{country_count} news items?\b", sentence)
    snap(page, "visitor-03-filtered")

    with page.expect_navigation():
        page.get_by_role("link", name=f"{site.data['country_name']} (remove this filter)").click()
    assert "country" not in query(page)
    assert query(page)["field_of_work"] == [field]
    assert total_shown(page) == field_count
    first_page = card_paths(page)
    assert len(first_page) == 20

    subscribe = page.get_by_role("link", name="Subscribe to these results (Atom feed)")
    feed_url = subscribe.get_attribute("href")
    assert (
        page.locator("link[rel=alternate][type='application/atom+xml']").last.get_attribute("href")
        == feed_url
    )

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next").click()
    page.wait_for_url(re.compile(r"[?&]page=2\b"))
    assert query(page)["field_of_work"] == [field]
    assert "page 2 of" in page.locator(".summary-sentence").inner_text()
    second_page = card_paths(page)
    assert second_page and not set(second_page) & set(first_page)
    snap(page, "visitor-04-page-2")

    first_card = page.locator(".news-listing__items .news-card__title a").first
    title = first_card.inner_text()
    first_card.click()
    page.wait_for_url(f"**{second_page[0]}")
    assert page.locator("h1").inner_text() == title
    snap(page, "visitor-05-item")

    issued_by = page.locator(
        ".news-item__metadata div", has=page.locator("dt", has_text="Issued by")
    )
    structure_link = issued_by.locator("dd a").first
    structure_name = structure_link.inner_text()
    structure_link.click()
    page.wait_for_url("**/structures/**")
    # The item names it as running text does ("OSCE Strategic Police Matters Unit"), its page
    # by its short name and acronym ("Strategic Police Matters Unit (SPMU)").
    short_name = page.locator("h1").inner_text().split(" (")[0]
    assert short_name in structure_name
    snap(page, "visitor-06-structure")

    feed = page.request.get(feed_url)
    assert feed.ok
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.body())
    assert root.tag == f"{ATOM}feed"
    entry_paths = [
        urlsplit(entry.find(f"{ATOM}link").get("href")).path for entry in root.iter(f"{ATOM}entry")
    ]
    assert entry_paths == first_page


def test_phone_visitor_filters_with_taps(phone, site):
    page = phone
    field, country = site.data["field_of_work"], site.data["country"]
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Main")
    newsroom = navigation.locator("summary", has_text="Newsroom")
    news_link = navigation.get_by_role("link", name="All news", exact=True)
    assert not newsroom.is_visible()
    snap(page, "phone-01-home", widths=[PHONE["width"]])

    page.locator("summary.site-menu-toggle").tap()
    newsroom.wait_for(state="visible")
    snap(page, "phone-02-menu-open", widths=[PHONE["width"]])
    newsroom.tap()
    news_link.wait_for(state="visible")
    news_link.tap()
    page.wait_for_url("**/news/")

    assert not page.locator("#filter-heading").is_visible()
    assert page.locator(".news-listing__items").is_visible()
    field_count = option_count(page, "field_of_work", field)
    open_facet(page, "field_of_work", tap=True)
    page.locator(f"label[for='facet-field_of_work-{field}']").scroll_into_view_if_needed()
    snap(page, "phone-03-filter-panel", widths=[PHONE["width"]])

    tick(page, "field_of_work", field, tap=True)
    assert query(page)["field_of_work"] == [field]
    assert total_shown(page) == field_count
    country_count = option_count(page, "country", country)

    tick(page, "country", country, tap=True)
    assert query(page)["field_of_work"] == [field]
    assert query(page)["country"] == [country]
    assert total_shown(page) == country_count
    assert summary_terms(page) == ["Policing", site.data["country_name"]]
    page.locator(".summary-sentence").scroll_into_view_if_needed()
    snap(page, "phone-04-filtered", widths=[PHONE["width"]])

    # Nothing is wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


FOCUS_STATE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id,
    text: (element.innerText || element.value || '').trim().slice(0, 60),
    skipLink: element.classList.contains('skip-link'),
    inFilters: !!element.closest('.news-listing__filters'),
    inResults: !!element.closest('.news-listing__items'),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
          || style.boxShadow !== 'none',
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
              && box.top < innerHeight && box.left < innerWidth,
  };
}"""
# The page scrolls smoothly (unless the visitor prefers reduced motion): give it time to
# bring the focused element wholly into view, as FOCUS_STATE's `onScreen` asks, and stop
# there (a check of the vertical position alone passed mid-scroll on a loaded machine, and
# the next reading found the element moving out again).
SCROLLED_INTO_VIEW = """() => {
  const box = document.activeElement.getBoundingClientRect();
  const settled = window.__focusTop === box.top;  // the same in two animation frames
  window.__focusTop = box.top;
  return settled && box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
         && box.top < innerHeight && box.left < innerWidth;
}"""


def tab_until(page, wanted, limit=120):
    """Presses Tab until `wanted(state)`; every element on the way shows where focus is."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_function(SCROLLED_INTO_VIEW, timeout=3000)
        state = page.evaluate(FOCUS_STATE)
        visited.append(state)
        assert state["ring"], f"no visible focus indicator on {state}"
        assert state["onScreen"], f"focused element scrolled out of view: {state}"
        if wanted(state):
            return visited
    raise AssertionError(f"not reached with {limit} presses of Tab; last: {visited[-3:]}")


def skip_to_main(page):
    page.keyboard.press("Tab")
    state = page.evaluate(FOCUS_STATE)
    assert state["skipLink"] and state["onScreen"] and state["ring"], state
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_visitor_skips_to_content_filters_and_opens_a_result(desktop, site):
    page = desktop
    field = site.data["field_of_work"]
    page.goto("/news/")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_STATE)["skipLink"]
    snap(page, "keyboard-01-skip-link", widths=[1280])
    page.keyboard.press("Shift+Tab")

    skip_to_main(page)
    visited = tab_until(page, lambda state: state["id"] == f"facet-field_of_work-{field}")
    assert visited[0]["inFilters"] or not visited[0]["inResults"]
    snap(page, "keyboard-02-focus-on-filter", widths=[1280])
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert query(page)["field_of_work"] == [field]

    skip_to_main(page)
    visited = tab_until(page, lambda state: state["inResults"])
    assert any(state["inFilters"] for state in visited)
    result = visited[-1]["text"]
    snap(page, "keyboard-03-focus-on-result", widths=[1280])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == result


def test_visitor_switches_to_russian_on_a_news_item(desktop, site):
    page = desktop
    page.goto(f"/news/{site.data['news_in_russian']}/")
    with page.expect_navigation():
        page.locator(".language-bar a[hreflang='ru']").click()
    assert urlsplit(page.url).path == f"/ru/news/{site.data['news_in_russian']}/"
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Обучение полицейских" in page.locator("h1").inner_text()
    assert page.locator(".translation-notice").count() == 0
    snap(page, "russian-item-desktop")

    # An item that exists only in English: the same switch lands on the notice, the English
    # text marked as English, and the switcher saying Russian is missing.
    page.goto(f"/news/{site.data['news_in_english_only']}/")
    with page.expect_navigation():
        page.locator(".language-bar a[hreflang='ru']").click()
    assert urlsplit(page.url).path == f"/ru/news/{site.data['news_in_english_only']}/"
    notice = page.locator(".translation-notice")
    assert notice.is_visible()
    assert "недоступ" in notice.inner_text()
    assert page.locator("article.news-item").get_attribute("lang") == "en"
    bar = page.locator(".language-bar")
    assert bar.locator("li:has(a[hreflang='ru']) .language-missing-note").count() == 1
    assert bar.locator("li:has(a[hreflang='en']) .language-missing-note").count() == 0
    snap(page, "russian-notice-desktop")
    with page.expect_navigation():
        page.locator(".language-bar a[hreflang='en']").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".translation-notice").count() == 0
