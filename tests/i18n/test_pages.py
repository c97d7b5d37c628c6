"""The site in each language: URL prefixes, the switcher, hreflang, listings, the notice on an
item a language lacks, feeds, sitemaps and search."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from tests.factories import CountryFactory, FieldOfWorkFactory, NewsItemFactory, StructureFactory

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def content(db):
    """One item in English only, one in English and Russian, one in Russian only."""
    issuer = StructureFactory(name="Secretariat", name_ru="Секретариат", slug="secretariat")
    field = FieldOfWorkFactory(name="Elections", name_ru="Выборы", slug="elections")
    country = CountryFactory(name="Serbia", name_ru="Сербия", slug="serbia", iso_code="RS")
    common = {"issued_by": [issuer], "fields_of_work": [field], "countries": [country]}
    english = NewsItemFactory(title="Border police training", slug="english-only", **common)
    both = NewsItemFactory(
        title="Election observation report",
        title_ru="Доклад о наблюдении за выборами",
        teaser_ru="Краткое содержание на русском.",
        body_ru="<p>Наблюдатели представили доклад о выборах.</p>",
        in_language_ru=True,
        slug="both",
        **common,
    )
    russian = NewsItemFactory(
        title="",
        title_en="",
        teaser="",
        body="",
        title_ru="Семинар для журналистов",
        body_ru="<p>Журналисты обсудили свободу СМИ.</p>",
        in_language_en=False,
        in_language_ru=True,
        slug="russian-only",
        **common,
    )
    return {"english": english, "both": both, "russian": russian}


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def alternates(html):
    """{hreflang: href} of the page's alternate links."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def titles_on(html):
    """The titles of the cards on a listing, without search highlights."""
    found = re.findall(r'class="news-card__title"[^>]*>\s*<a[^>]*>(.*?)</a>', html, re.S)
    return [re.sub(r"</?mark>", "", title).strip() for title in found]


def test_english_is_unprefixed_and_other_languages_are_prefixed(client, content):
    assert '<html lang="en">' in page(client, "/news/")
    assert '<html lang="ru">' in page(client, "/ru/news/")
    assert '<html lang="fr">' in page(client, "/fr/news/")
    assert client.get("/en/news/").status_code == 404


def test_unprefixed_urls_stay_english_whatever_the_browser_asks_for(client, content):
    html = client.get("/news/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<html lang="en">' in html


def test_the_interface_is_translated(client, content):
    with translation.override("ru"):
        expected = translation.gettext("Skip to main content")
    assert expected != "Skip to main content"
    assert expected in page(client, "/ru/")


def test_switcher_leads_to_the_same_page_with_its_filters_in_each_language(client, content):
    html = page(client, "/news/", field_of_work="elections", country="serbia")
    switcher = html[html.index('class="language-bar"') :]
    switcher = switcher[: switcher.index("</nav>")]
    for code in ("fr", "de", "it", "ru", "es"):
        assert f'href="/{code}/news/?field_of_work=elections&amp;country=serbia"' in switcher
    assert 'aria-current="true"' in switcher
    assert 'lang="ru" hreflang="ru"' in switcher


def test_hreflang_lists_the_languages_an_item_exists_in(client, content):
    html = page(client, "/news/both/")
    links = alternates(html)
    assert links == {
        "en": "https://www.example.org/news/both/",
        "ru": "https://www.example.org/ru/news/both/",
        "x-default": "https://www.example.org/news/both/",
    }
    listing = alternates(page(client, "/"))
    assert set(listing) == {"en", "fr", "de", "it", "ru", "es", "x-default"}


def test_each_listing_shows_the_items_published_in_its_language(client, content):
    assert sorted(titles_on(page(client, "/news/"))) == [
        "Border police training",
        "Election observation report",
    ]
    assert sorted(titles_on(page(client, "/ru/news/"))) == [
        "Доклад о наблюдении за выборами",
        "Семинар для журналистов",
    ]
    assert titles_on(page(client, "/de/news/")) == []


def test_facet_counts_count_the_language_only(client, content):
    html = page(client, "/ru/news/")
    # Two Russian items carry the field of work; the English-only one is not counted.
    assert re.search(r"Выборы\s*</span>\s*<span[^>]*>\s*2\b", html) or re.search(
        r"Выборы[^<]*<[^>]*>[^0-9]*2\b", html
    ), "facet count for the field of work in Russian"
    assert "(3)" not in html


def test_detail_in_a_language_the_item_lacks_says_so_and_shows_a_language_it_has(client, content):
    html = page(client, "/ru/news/english-only/")
    with translation.override("ru"):
        notice = translation.gettext("This item is not available in %(language)s.") % {
            "language": translation.get_language_info("ru")["name_translated"]
        }
    assert notice in html
    assert '<article class="news-item" lang="en">' in html
    assert "Border police training" in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical" href="https://www.example.org/news/english-only/">' in html
    # The switcher marks Russian as missing on this page.
    assert 'class="language-missing"' in html


def test_detail_in_its_own_language_has_no_notice_and_no_english(client, content):
    html = page(client, "/ru/news/both/")
    assert "translation-notice" not in html
    assert "Доклад о наблюдении за выборами" in html
    assert "Election observation report" not in html
    assert '<article class="news-item">' in html


def test_an_item_only_in_russian_shows_in_russian_on_the_english_url(client, content):
    html = page(client, "/news/russian-only/")
    assert "This item is not available in English." in html
    assert '<article class="news-item" lang="ru">' in html
    assert "Семинар для журналистов" in html


def test_feed_per_language_lists_that_languages_items(client, content):
    feed = ET.fromstring(client.get("/ru/news/feed/").content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    titles = sorted(entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry"))
    assert titles == ["Доклад о наблюдении за выборами", "Семинар для журналистов"]
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
    assert all(link.startswith("https://www.example.org/ru/news/") for link in links)
    english = ET.fromstring(client.get("/news/feed/").content)
    assert len(list(english.iter(f"{ATOM}entry"))) == 2


def test_sitemap_lists_each_item_in_its_languages_with_alternates(client, content):
    tree = ET.fromstring(client.get("/sitemap-news.xml").content)
    urls = {}
    for url in tree.iter(f"{SITEMAP}url"):
        alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        urls[url.findtext(f"{SITEMAP}loc")] = alternates
    base = "https://www.example.org"
    assert set(urls) == {
        f"{base}/news/english-only/",
        f"{base}/news/both/",
        f"{base}/ru/news/both/",
        f"{base}/ru/news/russian-only/",
    }
    assert urls[f"{base}/news/both/"] == {
        "en": f"{base}/news/both/",
        "ru": f"{base}/ru/news/both/",
        "x-default": f"{base}/news/both/",
    }


def test_search_reads_the_languages_own_index(client, content):
    assert titles_on(page(client, "/ru/news/", q="журналисты")) == ["Семинар для журналистов"]
    assert titles_on(page(client, "/news/", q="журналисты")) == []
    assert titles_on(page(client, "/news/", q="observation")) == ["Election observation report"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming per language: PostgreSQL")
def test_russian_search_stems_russian_words_on_postgresql(client, content):
    # "выборы" (nominative) finds "выборах" / "выборами" through the Russian stemmer.
    assert titles_on(page(client, "/ru/news/", q="выборы")) == ["Доклад о наблюдении за выборами"]


def test_dates_are_written_the_languages_way(client, content):
    assert "1 May 2024" in page(client, "/news/both/")
    assert "1 мая 2024" in page(client, "/ru/news/both/")
    # German lacks the item, but the page's own parts (the metadata) are German.
    assert "1. Mai 2024" in page(client, "/de/news/both/")


def test_country_names_come_from_the_locale_data(db, client):
    call_command("load_taxonomy", verbosity=0)
    html = page(client, "/de/countries/")
    assert "Deutschland" in html
    assert "Heiliger Stuhl" in html  # the data file's name: Babel's VA is Vatican City
    assert "Сербия" in page(client, "/ru/countries/")


def test_a_meeting_without_a_russian_title_says_so_on_the_russian_page(client, db):
    from tests.factories import MeetingFactory

    MeetingFactory(title="Permanent Council meeting", slug="pc", title_de="Sitzung des Rates")
    html = page(client, "/ru/meetings/pc/")
    assert "translation-notice" in html
    assert '<article class="meeting-page" lang="en">' in html
    german = page(client, "/de/meetings/pc/")
    assert "translation-notice" not in german and "Sitzung des Rates" in german


def test_a_page_shown_in_another_language_points_alternates_at_the_item_itself(client, content):
    html = page(client, "/ru/news/english-only/")
    links = alternates(html)
    assert links == {
        "en": "https://www.example.org/news/english-only/",
        "x-default": "https://www.example.org/news/english-only/",
    }


def test_the_switcher_on_a_missing_page_leads_to_each_languages_home(client, db):
    # Deeper than any simple page (pages.paths): no pattern of the site matches it.
    html = client.get("/ru/no/such/page/here/").content.decode()
    assert 'href="/" lang="en"' in html
    assert 'href="/de/" lang="de"' in html
