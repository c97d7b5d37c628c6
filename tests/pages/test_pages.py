"""Simple pages (pages/): their rules, addresses, publishing, languages, and where the site
links to them (menu, footer, search, sitemap)."""

import datetime
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import resolve
from django.utils import timezone, translation

from core.content_state import MAX_VERSION_SECONDS, VERSION_KEY, content_version
from core.publishing import Status
from osce_site.page_cache import HEADER
from pages.models import FooterPlacement, MenuPlacement, Page
from tests.factories import MeetingFactory, NewsItemFactory, PageFactory, StructureFactory

pytestmark = pytest.mark.django_db

INITIAL = ["about", "contacts", "partnerships", "press", "privacy", "terms-of-use", "accessibility"]


@pytest.fixture
def section():
    top = PageFactory(title="Who we are", slug="who-we-are", menu=MenuPlacement.ABOUT)
    child = PageFactory(
        title="Our history", slug="our-history", parent=top, footer=FooterPlacement.ABOUT
    )
    return top, child


# The pages a site starts with ------------------------------------------------------------


def test_the_initial_pages_are_published_with_english_and_german_text():
    pages = {page.slug: page for page in Page.objects.published()}
    assert set(INITIAL) <= set(pages)
    assert pages["contacts"].get_absolute_url() == "/about/contacts/"
    assert "Wallnerstrasse 6" in pages["contacts"].body_en
    assert "1010 Vienna" in pages["contacts"].body_en
    assert pages["accessibility"].title_de == "Erklärung zur Barrierefreiheit"
    # Each language's plain text (for its search index) is its own language's.
    assert "Wien" in pages["contacts"].body_text_de
    assert pages["contacts"].body_text_fr in ("", None)


def test_the_data_migration_never_touches_a_page_that_exists():

    about = Page.objects.get(slug="about")
    about.title = "About the organisation"
    about.save()
    privacy = Page.objects.get(slug="privacy")
    privacy.delete()
    migration = import_module("pages.migrations.0002_initial_pages")
    migration.create_pages(apps, SimpleNamespace(connection=connection))
    assert Page.objects.get(slug="about").title == "About the organisation"
    assert Page.objects.filter(slug="privacy").count() == 1  # made again, once
    assert Page.objects.filter(slug="contacts").count() == 1


# Model rules -------------------------------------------------------------------------------


def test_a_pages_address_is_its_parents_slugs_and_its_own(section):
    top, child = section
    grandchild = PageFactory(slug="the-founding", parent=child)
    assert top.get_absolute_url() == "/who-we-are/"
    assert child.get_absolute_url() == "/who-we-are/our-history/"
    assert grandchild.get_absolute_url() == "/who-we-are/our-history/the-founding/"


@pytest.mark.parametrize(
    "slug", ["news", "admin", "search", "countries", "structures", "meetings", "fields-of-work"]
)
def test_a_top_level_slug_another_section_answers_is_refused(slug):
    page = Page(title="Clash", slug=slug)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize("slug", ["ru", "de", "static", "media", "healthz"])
def test_language_prefixes_and_paths_served_elsewhere_are_refused(slug):
    with pytest.raises(ValidationError):
        Page(title="Clash", slug=slug).full_clean()


def test_the_same_slug_under_a_parent_is_allowed(section):
    top, _child = section
    Page(title="News of the page", slug="news-archive", parent=top).full_clean()
    # Only a top-level page's first segment can hide a section.
    Page(title="Search help", slug="search-help").full_clean()


def test_a_page_cannot_be_inside_itself(section):
    top, child = section
    top.parent = child
    with pytest.raises(ValidationError) as error:
        top.full_clean()
    assert "parent" in error.value.message_dict


def test_the_database_refuses_a_page_that_is_its_own_parent(section):
    top, _child = section
    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.filter(pk=top.pk).update(parent=top)


def test_pages_are_at_most_three_levels_deep(section):
    _top, child = section
    grandchild = PageFactory(slug="level-three", parent=child)
    deeper = Page(title="Too deep", slug="level-four", parent=grandchild)
    with pytest.raises(ValidationError) as error:
        deeper.full_clean()
    assert "parent" in error.value.message_dict


def test_a_body_is_sanitised_and_its_plain_text_derived():
    page = PageFactory(body='<p>Hello <script>alert(1)</script><a href="javascript:x">y</a></p>')
    page.refresh_from_db()
    assert "<script" not in page.body and "javascript:" not in page.body
    assert page.body_text == "Hello y"


# Addresses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "view_name"),
    [
        ("/news/", "news:list"),
        ("/news/some-item/", "news:detail"),
        ("/search/", "website:search"),
        ("/countries/", "countries:list"),
        ("/structures/secretariat/", "structures:detail"),
        ("/meetings/x/", "news:meeting_detail"),
        ("/fields-of-work/", "news:field_of_work_list"),
        ("/", "website:home"),
        ("/about/", "pages:detail"),
        ("/about/contacts/", "pages:detail"),
        ("/de/about/contacts/", "pages:detail"),
    ],
)
def test_every_other_section_keeps_its_urls(path, view_name):
    assert resolve(path).view_name == view_name


def test_other_languages_keep_their_urls_too():
    with translation.override("ru"):
        assert resolve("/ru/news/").view_name == "news:list"
        assert resolve("/ru/about/").view_name == "pages:detail"


def test_a_published_page_is_shown_in_its_place_and_nowhere_else(client, section):
    _top, child = section
    html = client.get("/who-we-are/our-history/").content.decode()
    assert "<h1>Our history</h1>" in html
    assert client.get("/our-history/").status_code == 404
    assert client.get("/privacy/our-history/").status_code == 404
    assert client.get("/who-we-are/our-history/more/").status_code == 404


@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_a_hidden_page_is_never_shown_to_visitors(client, hidden_states, state):
    PageFactory(title="Secret page", slug="secret", **hidden_states[state])
    response = client.get("/secret/")
    assert response.status_code == 404
    assert "Secret page" not in response.content.decode()


def test_a_page_under_a_draft_parent_is_hidden_and_not_linked(client, section):
    top, child = section
    top.status = Status.DRAFT
    top.save()
    assert client.get(child.get_absolute_url()).status_code == 404
    html = client.get("/news/").content.decode()
    assert child.get_absolute_url() not in html
    assert child.get_absolute_url() not in client.get("/sitemap-about.xml").content.decode()


def test_an_editor_previews_a_draft_uncached(client, editor):
    PageFactory(title="Draft page", slug="draft-page", status=Status.DRAFT)
    client.force_login(editor)
    response = client.get("/draft-page/")
    assert response.status_code == 200
    assert "Draft page" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


# Languages -----------------------------------------------------------------------------------


def test_a_page_is_shown_in_each_language_it_is_written_in(client):
    html = client.get("/de/about/").content.decode()
    assert "<h1>Über uns</h1>" in html
    assert "translation-notice" not in html


def test_a_language_the_page_lacks_shows_it_in_english_with_a_notice(client):
    response = client.get("/ru/about/")
    html = response.content.decode()
    assert "<h1>About us</h1>" in html
    assert "translation-notice" in html
    assert 'lang="en"' in html
    assert '<meta name="robots" content="noindex">' in html


# Where the site links to pages -------------------------------------------------------------


def test_footer_and_menu_link_the_published_pages_in_their_places(client, section):
    top, child = section
    html = client.get("/news/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    start = html.index('<nav class="main-nav"')
    nav = html[start : html.index("</nav>", start)]
    assert 'href="/who-we-are/our-history/"' in footer
    assert 'href="/who-we-are/"' in nav
    for slug in ("privacy", "terms-of-use", "accessibility"):
        assert f'href="/{slug}/"' in footer
    assert "Wallnerstrasse 6" in footer and "1010 Vienna" in footer


def test_a_page_unpublished_or_scheduled_leaves_the_footer_and_the_menu(client, section):
    top, child = section
    privacy = Page.objects.get(slug="privacy")
    privacy.status = Status.DRAFT
    privacy.save()
    top.publish_at = timezone.now() + datetime.timedelta(days=1)
    top.save()
    html = client.get("/news/").content.decode()
    assert 'href="/privacy/"' not in html
    assert 'href="/who-we-are/"' not in html
    # The child's address goes through a page visitors cannot open: not linked either.
    assert 'href="/who-we-are/our-history/"' not in html


def test_an_edit_shows_in_the_page_and_the_footer_at_once_with_the_page_cache_on(settings, section):
    settings.PAGE_CACHE = True
    _top, child = section
    visitor = Client()
    assert "Our history" in visitor.get("/news/").text
    assert visitor.get(child.get_absolute_url())[HEADER] == "MISS"
    assert visitor.get(child.get_absolute_url())[HEADER] == "HIT"
    child.title = "Our long history"
    child.save()
    page = visitor.get(child.get_absolute_url())
    assert "<h1>Our long history</h1>" in page.text
    assert "Our long history" in visitor.get("/news/").text


def test_an_edit_made_by_another_server_is_served_within_a_second(settings, section, clock):
    settings.PAGE_CACHE = True
    settings.CONTENT_VERSION_SECONDS = 1
    _top, child = section
    visitor = Client()
    visitor.get(child.get_absolute_url())
    assert visitor.get(child.get_absolute_url())[HEADER] == "HIT"
    # What another app server's save leaves behind: the row changed, the content version moved.
    Page.objects.filter(pk=child.pk).update(title_en="History, retold")
    cache.set(VERSION_KEY, content_version() + 1, None)
    clock.advance(MAX_VERSION_SECONDS)
    assert "<h1>History, retold</h1>" in visitor.get(child.get_absolute_url()).text


def test_search_finds_a_published_page_and_never_a_hidden_one(client, hidden_states):
    PageFactory(title="Hidden charter", slug="hidden-charter", **hidden_states["draft"])
    html = client.get("/search/", {"q": "Wallnerstrasse"}).content.decode()
    assert 'href="/about/contacts/"' in html
    html = client.get("/search/", {"q": "charter"}).content.decode()
    assert "Hidden charter" not in html
    html = client.get("/de/search/", {"q": "Barrierefreiheit"}).content.decode()
    assert 'href="/de/accessibility/"' in html


def test_the_sitemap_lists_published_pages_in_their_languages(client, hidden_states):
    PageFactory(title="Hidden", slug="hidden-page", **hidden_states["scheduled"])
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-about.xml" in index
    xml = client.get("/sitemap-about.xml").content.decode()
    assert "https://www.example.org/about/contacts/" in xml
    assert "https://www.example.org/de/about/contacts/" in xml
    assert "https://www.example.org/ru/about/contacts/" not in xml
    assert "hidden-page" not in xml


# Side columns -----------------------------------------------------------------------------


def test_a_page_shows_its_section_and_plain_share_links(client):
    html = client.get("/about/contacts/").content.decode()
    aside = html[html.index('<aside class="sidebar"') :]
    assert 'href="/about/contacts/" aria-current="page"' in aside
    assert 'href="/about/partnerships/"' in aside
    assert (
        "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fwww.example.org%2Fabout%2Fcontacts%2F"
        in aside
    )
    assert "<script" not in aside and "<iframe" not in aside


def test_a_structure_shows_its_own_contacts_or_those_of_the_body_above_it(client):
    secretariat = StructureFactory(
        name="Secretariat", slug="secretariat", address="Wallnerstrasse 6\n1010 Vienna"
    )
    unit = StructureFactory(name="Gender Issues Programme", slug="gender", parent=secretariat)
    html = client.get(unit.get_absolute_url()).content.decode()
    assert "Wallnerstrasse 6<br>1010 Vienna" in html
    assert "Through the Secretariat" in html
    html = client.get(secretariat.get_absolute_url()).content.decode()
    assert "Through the" not in html
    lonely = StructureFactory(slug="lonely")
    assert 'id="structure-contacts"' not in client.get(lonely.get_absolute_url()).text


# Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("children", [1, 10])
def test_a_pages_query_count_does_not_grow_with_its_children(
    client, django_assert_max_num_queries, children
):
    about = Page.objects.get(slug="about")
    for index in range(children):
        PageFactory(parent=about, slug=f"child-{index}")
    client.get("/news/")  # the menu and the footer's links, cached for every page
    with django_assert_max_num_queries(4):
        assert client.get("/about/contacts/").status_code == 200


def test_the_footers_links_cost_no_query_once_cached(client, django_assert_max_num_queries):
    NewsItemFactory()
    MeetingFactory()
    client.get("/meetings/")
    from pages.selectors import placed_links

    with django_assert_max_num_queries(0):
        assert any(link["url"] == "/privacy/" for link in placed_links())


def test_public_pages_are_published_with_every_parent_published(section, hidden_states):
    top, child = section
    grandchild = PageFactory(slug="grandchild", parent=child)
    assert {top, child, grandchild} <= set(Page.objects.public())
    for state, values in hidden_states.items():
        Page.objects.filter(pk=top.pk).update(**{"status": Status.PUBLISHED, **values})
        public = set(Page.objects.public())
        assert not {top, child, grandchild} & public, state
        Page.objects.filter(pk=top.pk).update(
            status=Status.PUBLISHED, publish_at=timezone.now(), expire_at=None
        )
    Page.objects.filter(pk=child.pk).update(status=Status.DRAFT)
    assert top in set(Page.objects.public())
    assert grandchild not in set(Page.objects.public())


def test_search_never_finds_a_page_under_a_hidden_parent(client, section):
    top, child = section
    PageFactory(title="Zanzibarian archive", slug="zanzibarian", parent=child)
    link = 'href="/who-we-are/our-history/zanzibarian/"'
    assert link in client.get("/search/", {"q": "Zanzibarian"}).text
    top.status = Status.DRAFT
    top.save()
    assert link not in client.get("/search/", {"q": "Zanzibarian"}).text


@pytest.mark.parametrize("slug", ["About", "über", "a.b"])
def test_a_slug_the_page_pattern_would_not_match_is_refused(slug):
    with pytest.raises(ValidationError) as error:
        Page(title="Odd", slug=slug).full_clean()
    assert "slug" in error.value.message_dict
