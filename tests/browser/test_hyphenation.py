"""Long words of German titles break at hyphenation points with a visible hyphen in narrow
cards (core.hyphenation): this machine's Chromium has no hyphenation dictionary, so without the
server's soft hyphens `overflow-wrap: anywhere` cut them anywhere, with no hyphen."""

SOFT_HYPHEN = "\u00ad"

# For every card title: its text, the number of line breaks at a soft hyphen (where the
# browser draws a hyphen) and at any other point between two letters (a word cut without
# one). Line breaks are read from the boxes of the characters either side.
BREAKS = """() => {
  const letter = /\\p{L}/u;
  const found = [];
  for (const link of document.querySelectorAll(".news-card__title a")) {
    const text = link.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const value = text.data;
    const top = (index) => {
      const range = document.createRange();
      range.setStart(text, index);
      range.setEnd(text, index + 1);
      // A character that starts a line also reports an empty box at the end of the line
      // before: its own box is the last.
      const rects = range.getClientRects();
      return rects.length ? rects[rects.length - 1].top : null;
    };
    let atHyphen = 0, cut = 0;
    for (let i = 1; i < value.length; i++) {
      if (value[i] === "\\u00ad") {
        const before = top(i - 1), after = i + 1 < value.length ? top(i + 1) : null;
        if (before !== null && after !== null && after > before + 1) atHyphen++;
      } else if (letter.test(value[i]) && letter.test(value[i - 1])) {
        const before = top(i - 1), after = top(i);
        if (before !== null && after !== null && after > before + 1) cut++;
      }
    }
    found.push({href: link.getAttribute("href"), text: value, atHyphen, cut});
  }
  return found;
}"""


def test_long_german_words_break_with_a_hyphen_in_narrow_cards(browser, site):
    context = browser.new_context(base_url=site.url, viewport={"width": 320, "height": 900})
    try:
        page = context.new_page()
        api = page.request.get("/de/api/v1/news/").json()
        titles = {
            item["url"].split("://", 1)[1].split("/", 1)[1]: item["title"]
            for item in api["results"]
        }
        page.goto("/de/news/")
        # A narrower card than any phone's, so that long words must break.
        page.add_style_tag(content=".news-card { max-width: 11rem; }")
        cards = page.evaluate(BREAKS)
    finally:
        context.close()
    assert cards
    checked = 0
    for card in cards:
        path = card["href"].lstrip("/")
        if path in titles:
            assert card["text"].replace(SOFT_HYPHEN, "") == titles[path]
            checked += 1
    assert checked
    assert sum(card["atHyphen"] for card in cards) > 0
    assert [card["text"] for card in cards if card["cut"]] == []
