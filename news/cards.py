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
from django.templatetags.static import static
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from core.hyphenation import soft_hyphenated_html
from news.pictures import picture

# The branded picture of an item without one: the organisation's mark on its colours, in the
# same 16:9 slot as a photograph, so a grid of cards stays even.
FALLBACK_IMAGE = "img/news-fallback.svg"
# The lead story of the home page is drawn about two thirds of the page wide.
LEAD_SIZES = "(min-width: 60em) 46rem, 100vw"


def has_picture(item):
    return bool((item.image_renditions or {}).get("slots"))


def picture_slot(item, lead=False):
    """The card's fixed 16:9 image slot with the item's picture (of any content type with
    images), or "" when it has none."""
    if not has_picture(item):
        return ""
    context = picture(item, "card", eager=lead, sizes=LEAD_SIZES if lead else None)
    image = render_to_string("includes/picture.html", context)
    return f'<div class="news-card__media">{image}</div>'


def _media(item, lead):
    """The card's image slot: the item's picture, or the branded fallback (decorative: the
    title says what the card is about)."""
    if has_picture(item):
        return picture_slot(item, lead)
    return (
        '<div class="news-card__media news-card__media--fallback">'
        f'<img src="{conditional_escape(static(FALLBACK_IMAGE))}" alt="" width="320" '
        'height="180" loading="lazy" decoding="async"></div>'
    )


def card_html(item, heading, lead=False):
    """The card's HTML; `heading` is the title's element ("h3"); `lead` draws it large, its
    picture loaded at once (the home page's lead story, above the fold)."""
    with_picture = has_picture(item)
    highlight = getattr(item, "highlight", None)
    title = highlight.title if highlight else item.title
    lead_issuer = item.lead_issuer
    issuer = (
        f'<span class="news-card__issuer"><span class="visually-hidden">'
        f"{conditional_escape(gettext('Issued by'))} </span>"
        f"{conditional_escape(lead_issuer.name_in_text)}</span>"
        if lead_issuer
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
    classes = "card news-card" + (" news-card--lead" if lead else "")
    classes += "" if with_picture else " news-card--no-image"
    return mark_safe(
        f'<article class="{classes}">'
        f"{_media(item, lead)}"
        '<div class="news-card__body">'
        f'<{heading} class="news-card__title"><a href="{url}">'
        f"{soft_hyphenated_html(conditional_escape(title), get_language())}</a></{heading}>"
        '<p class="meta news-card__meta">'
        f'<span class="news-card__type">{conditional_escape(item.get_type_display())}</span> '
        f'<time datetime="{item.issued_on.isoformat()}">'
        f"{conditional_escape(date_format(item.issued_on, 'DATE_FORMAT'))}</time> "
        f"{issuer}"
        "</p>"
        f"{teaser}"
        "</div></article>"
    )
