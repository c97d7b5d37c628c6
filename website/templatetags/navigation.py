"""The site's main menu, built from the taxonomy in the database and cached.

The menu is the same on every page and changes only when an editor changes the taxonomy,
so it is kept in the cache, rendered, under the base state (core.content_state, which names
the release too, as a deploy may change the menu's markup): any taxonomy change moves it, so a
render that started before an edit can only write under the old state, and a stale menu never
outlives the edit; an edit of a news item or meeting leaves it alone. The current year is part
of the key because the Chairpersonship marked in the menu changes on 1 January.
"""

from operator import attrgetter

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from core.collation import collated
from core.content_state import base_state
from core.text import site_name
from countries.models import Chairpersonship, Country, CountryStatus
from news.models import FieldOfWork, MeetingType
from structures.models import Structure

register = template.Library()

# A safety net for changes that bypass model signals (bulk updates, raw SQL).
MENU_TIMEOUT = 60 * 60


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
    return {
        "fields_of_work": [_link(field) for field in FieldOfWork.objects.only("name", "slug")],
        "field_operations": [_link(s) for s in tree.open_field_operations()],
        "meeting_types": [_link(series) for series in MeetingType.objects.only("name", "slug")],
        "participating_states": countries[CountryStatus.PARTICIPATING_STATE],
        "asian_partners": countries[CountryStatus.ASIAN_PARTNER],
        "mediterranean_partners": countries[CountryStatus.MEDITERRANEAN_PARTNER],
        "structures": structures,
        "chair_year": year,
    }


def get_menu_html():
    """The rendered menu: it depends on no request, so it is rendered once per base state, year
    and language and every page reuses the HTML (about 160 links: rendering them on every
    page cost more than the page's own content)."""
    year = timezone.localdate().year
    key = f"navigation:html:{base_state()}:{year}:{translation.get_language()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "includes/main_navigation.html",
            {"menu": build_menu(year), "site_name": site_name()},
        )
        cache.set(key, html, MENU_TIMEOUT)
    return mark_safe(html)  # our own template's output


@register.simple_tag
def main_navigation():
    return get_menu_html()
