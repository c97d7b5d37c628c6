"""The site's main menu, built from the taxonomy in the database and cached.

The menu is the same on every page and changes only when an editor changes the taxonomy,
so it is kept in the cache, rendered, under a versioned key: `website.invalidation` bumps the
version when a menu model is saved or deleted. A render that started before the bump can only
write to the old version's key, so a stale menu never outlives an edit. The current year
is part of the key because the Chairpersonship marked in the menu changes on 1 January, and the
release (core.release) because a deploy may change the menu's markup.
"""

import uuid
from operator import attrgetter

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from core.collation import collated
from core.release import release
from core.text import site_name
from countries.models import Chairpersonship, Country, CountryStatus
from news.models import FieldOfWork, MeetingType
from structures.models import Structure, StructureKind

register = template.Library()

VERSION_KEY = "navigation:version"
# A safety net for changes that bypass model signals (bulk updates, raw SQL).
MENU_TIMEOUT = 60 * 60


def bump_navigation_version():
    """Make every cached menu obsolete; called by signals and after bulk taxonomy loads."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


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

    structures = list(Structure.objects.only("name", "slug", "kind", "parent", "closed_on"))
    children = {}
    for structure in structures:
        children.setdefault(structure.parent_id, []).append(structure)
    tree = [
        _link(
            top,
            closed=top.is_closed,
            children=[_link(child, closed=child.is_closed) for child in children.get(top.pk, [])],
        )
        for top in children.get(None, [])
    ]
    field_operations = [
        _link(s) for s in structures if s.kind == StructureKind.FIELD_OPERATION and not s.is_closed
    ]
    return {
        "fields_of_work": [_link(field) for field in FieldOfWork.objects.only("name", "slug")],
        "field_operations": field_operations,
        "meeting_types": [_link(series) for series in MeetingType.objects.only("name", "slug")],
        "participating_states": countries[CountryStatus.PARTICIPATING_STATE],
        "asian_partners": countries[CountryStatus.ASIAN_PARTNER],
        "mediterranean_partners": countries[CountryStatus.MEDITERRANEAN_PARTNER],
        "structures": tree,
        "chair_year": year,
    }


def get_menu_html():
    """The rendered menu: it depends on no request, so it is rendered once per version, year
    and language and every page reuses the HTML (about 160 links: rendering them on every
    page cost more than the page's own content)."""
    year = timezone.localdate().year
    version = cache.get_or_set(VERSION_KEY, uuid.uuid4().hex, None)
    key = f"navigation:html:{release()}:{version}:{year}:{translation.get_language()}"
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
