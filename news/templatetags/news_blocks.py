""" "Latest news" blocks for the pages of apps below `news` in the layers.

`countries` and `structures` may not import `news`; their templates load these tags instead,
so the dependency stays one-way in Python. Each block runs a fixed number of queries.
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from structures.models import Structure

from ..models import NewsItem, NewsItemIssuer

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
    items = (
        NewsItem.objects.published()
        .filter(
            pk__in=NewsItem.countries.through.objects.filter(country=country).values("newsitem")
        )
        .with_listing_relations()[:limit]
    )
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
    issuers = NewsItemIssuer.objects.filter(
        structure_id__in=Structure.descendant_ids([structure.pk])
    ).values("news_item")
    items = NewsItem.objects.published().filter(pk__in=issuers).with_listing_relations()[:limit]
    return _block(
        items,
        _("Latest news from %(name)s") % {"name": structure.name},
        "issued_by",
        structure.slug,
        _("No news from this structure yet."),
    )
