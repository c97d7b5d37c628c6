"""One listing, one URL: the filter panel's script never writes the default order into the
address ("&sort=newest" made /news/?field_of_work=policing a second, duplicate URL)."""

from urllib.parse import parse_qs, urlsplit

from .test_visitor_journeys import tick


def query(page):
    return parse_qs(urlsplit(page.url).query)


def choose_sort(page, label):
    with page.expect_navigation():
        page.locator("#filter-sort").select_option(label=label)
    page.wait_for_load_state()


def test_ticking_a_filter_keeps_the_default_order_out_of_the_url(desktop, site):
    page = desktop
    field = site.data["field_of_work"]
    page.goto("/news/")
    tick(page, "field_of_work", field)
    assert query(page) == {"field_of_work": [field]}

    choose_sort(page, "Oldest first")
    assert query(page) == {"field_of_work": [field], "sort": ["oldest"]}

    choose_sort(page, "Newest first")
    assert query(page) == {"field_of_work": [field]}


def test_with_words_relevance_is_the_default_and_newest_a_choice(desktop, site):
    page = desktop
    page.goto("/news/?q=police")
    assert page.locator("#filter-sort").input_value() == "relevance"
    choose_sort(page, "Newest first")
    assert query(page) == {"q": ["police"], "sort": ["newest"]}
    choose_sort(page, "Most relevant")
    assert query(page) == {"q": ["police"]}
