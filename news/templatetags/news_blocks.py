""" "Latest news" blocks for the pages of apps below `news` in the layers.

`countries` and `structures` may not import `news`; their templates load these tags instead,
so the dependency stays one-way in Python. Each block runs a fixed number of queries.
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from news.selectors import latest_news

register = template.Library()

LATEST = 10


def _block(items, heading, filter_name, slug, empty_text):
    return {
        "items": items,
        "heading": heading,
        "listing_url": reverse("news:list") + "?" + urlencode({filter_name: slug}),
        "empty_text": empty_text,
    }


@register.inclusion_tag("includes/latest_news.html")
def country_news(country, limit=LATEST):
    items, _total = latest_news(limit, country=country.slug)
    return _block(
        items,
        _("Latest news about %(name)s") % {"name": country.name},
        "country",
        country.slug,
        _("No news about this country yet."),
    )


@register.inclusion_tag("includes/latest_news.html")
def structure_news(structure, limit=LATEST):
    """News issued by the structure or any body below it: a mission's news includes its
    offices' news, the Secretariat's includes its units'."""
    items, _total = latest_news(limit, issued_by=structure.slug)
    return _block(
        items,
        _("Latest news from %(name)s") % {"name": structure.name_in_text},
        "issued_by",
        structure.slug,
        _("No news from this structure yet."),
    )
