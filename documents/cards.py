"""A document as a card: the listing's results, the blocks on other pages, the search page.
Written in Python, as the news and project cards are; every value is escaped
(`conditional_escape` keeps search highlights). Needs `selectors.load_cards`' prefetches."""

from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext


def card_html(document, heading):
    highlight = getattr(document, "highlight", None)
    title = highlight.title if highlight else document.title
    lead = document.lead_issuer
    issuer = (
        f'<span class="news-card__issuer"><span class="visually-hidden">'
        f"{conditional_escape(gettext('Issued by'))} </span>"
        f"{conditional_escape(lead.name)}</span> "
        if lead
        else ""
    )
    if highlight and highlight.snippet:
        summary = (
            '<p class="news-card__teaser news-card__snippet">'
            f"{conditional_escape(highlight.snippet)}</p>"
        )
    elif document.summary:
        summary = f'<p class="news-card__teaser">{conditional_escape(document.summary)}</p>'
    else:
        summary = ""
    symbol = (
        f'<span class="document-symbol">{conditional_escape(document.symbol)}</span> '
        if document.symbol
        else ""
    )
    files = document.ordered_files
    languages = (
        '<p class="meta document-card__languages">'
        f"{conditional_escape(gettext('Available in'))}: "
        + ", ".join(
            f'<span lang="{conditional_escape(f.language)}">'
            f"{conditional_escape(f.language_name)}</span>"
            for f in files
        )
        + "</p>"
        if files
        else ""
    )
    day = document.publication_date
    url = conditional_escape(document.get_absolute_url())
    return mark_safe(
        '<article class="card news-card news-card--no-image document-card">'
        '<div class="news-card__body">'
        '<p class="meta news-card__meta">'
        f'<span class="badge">{conditional_escape(document.document_type.name)}</span> '
        f"{symbol}"
        f'<time datetime="{day.isoformat()}">'
        f"{conditional_escape(date_format(day, 'SHORT_DATE_FORMAT'))}</time> "
        f"{issuer}</p>"
        f'<{heading} class="news-card__title"><a href="{url}">'
        f"{conditional_escape(title)}</a></{heading}>"
        f"{summary}{languages}"
        "</div></article>"
    )
