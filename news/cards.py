"""A news item as a card: the listing's results, home and taxonomy blocks, related news.

Written in Python rather than as an included template: a listing page renders up to 20 cards
whenever they are not in the cache, and through the template engine (a dozen variable
lookups, a filter and a translation per card) they were half of an uncached listing page;
here a card costs a tenth of that. Every value is escaped (`conditional_escape` keeps the
search highlights, which `search.backends.highlights` builds escaped and marked safe).
The picture, shared with the item page, stays a template (`includes/picture.html`).

Needs the item's issuers prefetched (`news.selectors.load_cards()`); `item.highlight`, when set,
holds a search's highlighted title and snippet.
"""

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from news.pictures import picture


def card_html(item, heading):
    """The card's HTML; `heading` is the title's element ("h3")."""
    has_picture = bool((item.image_renditions or {}).get("slots"))
    highlight = getattr(item, "highlight", None)
    title = highlight.title if highlight else item.title
    lead = item.lead_issuer
    issuer = (
        f'<span class="news-card__issuer"><span class="visually-hidden">'
        f"{conditional_escape(gettext('Issued by'))} </span>{conditional_escape(lead.name)}</span>"
        if lead
        else ""
    )
    if highlight and highlight.snippet:
        teaser = (
            '<p class="news-card__teaser news-card__snippet">'
            f"{conditional_escape(highlight.snippet)}</p>"
        )
    elif item.teaser:
        teaser = f'<p class="news-card__teaser">{conditional_escape(item.teaser)}</p>'
    else:
        teaser = ""
    url = conditional_escape(item.get_absolute_url())
    image = render_to_string("includes/picture.html", picture(item, "card")) if has_picture else ""
    return mark_safe(
        f'<article class="card news-card{"" if has_picture else " news-card--no-image"}">'
        f"{image}"
        '<div class="news-card__body">'
        f'<{heading} class="news-card__title"><a href="{url}">'
        f"{conditional_escape(title)}</a></{heading}>"
        '<p class="meta news-card__meta">'
        f'<time datetime="{item.issued_on.isoformat()}">'
        f"{conditional_escape(date_format(item.issued_on, 'DATE_FORMAT'))}</time> "
        f"{issuer} "
        f'<span class="news-card__type">{conditional_escape(item.get_type_display())}</span>'
        "</p>"
        f"{teaser}"
        "</div></article>"
    )
