"""The site's main menu and footer, built from the taxonomy and the pages, and cached.

The menu is the same on every page and changes only when an editor changes the taxonomy or a
published page placed in it, so it is kept in the cache, rendered, under the base state
(core.content_state, which names the release too, as a deploy may change the menu's markup)
and a digest of the pages' menu links (pages.selectors.placed_links, themselves cached under
the content state, which every visible page edit and scheduled moment moves): any taxonomy
change moves it, so a render that started before an edit can only write under the old state,
and a stale menu never outlives the edit; an edit of a news item or meeting leaves it alone.
The current year is part of the key because the Chairpersonship marked in the menu changes
on 1 January.

The footer links the same pages (their footer places) and is rendered with each page, which
the page cache keeps under the content state.
"""

import hashlib
from operator import attrgetter

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from core import fragments
from core.collation import collated
from core.content_state import base_state
from core.text import site_name
from countries.models import Chairpersonship, Country, CountryStatus
from news.models import FieldOfWork, MeetingType, NewsType
from pages.models import FooterPlacement, MenuPlacement
from pages.selectors import footer_links, menu_links, placed_key, placed_links
from structures.models import Structure

register = template.Library()

# A safety net for changes that bypass model signals (bulk updates, raw SQL).
MENU_TIMEOUT = 60 * 60
# The organisation's accounts, as plain links: no widget, script or embed of the networks.
SOCIAL_LINKS = [
    ("X", "https://x.com/OSCE"),
    ("Facebook", "https://www.facebook.com/osce.org"),
    ("LinkedIn", "https://www.linkedin.com/company/osce"),
    ("Instagram", "https://www.instagram.com/osce/"),
    ("YouTube", "https://www.youtube.com/user/osce"),
]


def _link(obj, url=None, **extra):
    return {"name": obj.name, "url": url or obj.get_absolute_url(), **extra}


def build_menu(year):
    """Plain lists and dicts, so any cache backend can store them."""
    chair = Chairpersonship.objects.filter(year=year).values_list("country_id", flat=True).first()
    countries = {status: [] for status in CountryStatus.values}
    # In the alphabet of the language being rendered (the menu is cached per language).
    by_name = collated(Country.objects.only("name", "slug", "status"), name=attrgetter("name"))
    for country in by_name:
        countries[country.status].append(_link(country, is_chair=country.pk == chair))

    tree = Structure.objects.only("name", "slug", "kind", "parent", "closed_on").tree()
    structures = [
        _link(
            top,
            closed=top.is_closed,
            children=[_link(child, closed=child.is_closed) for child in tree.children(top.pk)],
        )
        for top in tree.roots
    ]
    operations = tree.open_field_operations()
    return {
        "fields_of_work": [_link(field) for field in FieldOfWork.objects.only("name", "slug")],
        "field_operations": [_link(s) for s in operations],
        "meeting_types": [_link(series) for series in MeetingType.objects.only("name", "slug")],
        "participating_states": countries[CountryStatus.PARTICIPATING_STATE],
        "asian_partners": countries[CountryStatus.ASIAN_PARTNER],
        "mediterranean_partners": countries[CountryStatus.MEDITERRANEAN_PARTNER],
        "structures": structures,
        "chair_year": year,
    }


def page_menu(links):
    """The pages' entries in the menu, per section (pages.models.MenuPlacement)."""
    return {
        section.replace("-", "_"): menu_links(links, section)
        for section in MenuPlacement.values
        if section
    }


def get_menu_html():
    """The rendered menu: it depends on no request, so it is rendered once per base state,
    pages' links, year and language and every page reuses the HTML (about 160 links:
    rendering them on every page cost more than the page's own content)."""
    year = timezone.localdate().year
    pages = page_menu(placed_links())
    digest = hashlib.blake2b(repr(sorted(pages.items())).encode(), digest_size=8).hexdigest()
    key = f"navigation:html:{base_state()}:{digest}:{year}:{translation.get_language()}"
    html = fragments.shared(key, MENU_TIMEOUT)
    if html is None:
        html = render_to_string(
            "includes/main_navigation.html",
            {
                "menu": build_menu(year),
                "pages": pages,
                "site_name": site_name(),
                "newsroom": {
                    "press_releases": f"{reverse('news:list')}?type={NewsType.PRESS_RELEASE}",
                    "press_statements": f"{reverse('news:list')}?type={NewsType.PRESS_STATEMENT}",
                },
            },
        )
        fragments.store(key, html, MENU_TIMEOUT)
    return mark_safe(html)  # our own template's output


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """What the page's fixed parts in `base.html` (the stylesheets and scripts, the header
    bar: a fifth of an uncached item page's rendering) are kept under: the base state (which
    names the release, hence the static files' hashed names) and the language, for an hour.
    Error pages rendered without a request (500, 503: perhaps no database, no cache) keep
    nothing and read no state."""
    if context.get("request") is None:
        return {"seconds": 0, "key": ""}
    return {"seconds": MENU_TIMEOUT, "key": f"{base_state()}:{translation.get_language()}"}


@register.simple_tag
def main_navigation():
    return get_menu_html()


@register.simple_tag(takes_context=True)
def site_footer(context, pages=True):
    """The institutional footer: the published pages placed in it (pages.models.Page.footer),
    so it never links to a page visitors cannot open, beside the site's own sections.
    `pages=False` for error pages rendered without a database: the site's sections only.
    Rendered once per process and pages' links (their key names the base state, their
    version and the language): rendering it took a sixth of an uncached item page."""
    if not pages:
        return mark_safe(render_to_string("includes/site_footer.html", footer_context(context, [])))
    key = f"{placed_key()}:footer:{context.get('SITE_NAME')}"
    html = fragments.LOCAL.get(key)
    if html is None:
        links = placed_links()
        html = render_to_string("includes/site_footer.html", footer_context(context, links))
        fragments.LOCAL.put(key, html, MENU_TIMEOUT)
    return mark_safe(html)  # our own template's output


def footer_context(context, links):
    return {
        "SITE_NAME": context.get("SITE_NAME"),
        "about": footer_links(links, FooterPlacement.ABOUT),
        "newsroom": footer_links(links, FooterPlacement.NEWSROOM),
        "legal": footer_links(links, FooterPlacement.LEGAL),
        "press_releases": f"{reverse('news:list')}?type={NewsType.PRESS_RELEASE}",
        "social": SOCIAL_LINKS,
    }
