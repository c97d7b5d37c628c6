"""A project as a card: the listing's results and the "Current projects" blocks. Written in
Python, as the news card is (news.cards: a listing renders up to 20 cards whenever they are
not in the cache); every value is escaped (`conditional_escape` keeps search highlights).
Needs the implementers prefetched (`projects.selectors.load_cards`)."""

from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from core.hyphenation import soft_hyphenated_html
from news.cards import picture_slot


def _date(day):
    return (
        f'<time datetime="{day.isoformat()}">'
        f"{conditional_escape(date_format(day, 'SHORT_DATE_FORMAT'))}</time>"
    )


def card_html(project, heading):
    """The card's HTML; `heading` is the title's element ("h3")."""
    highlight = getattr(project, "highlight", None)
    title = highlight.title if highlight else project.title
    lead = project.lead_implementer
    implementer = (
        f'<span class="news-card__issuer"><span class="visually-hidden">'
        f"{conditional_escape(gettext('Implemented by'))} </span>"
        f"{conditional_escape(lead.name_in_text)}</span> "
        if lead
        else ""
    )
    if highlight and highlight.snippet:
        summary = (
            '<p class="news-card__teaser news-card__snippet">'
            f"{conditional_escape(highlight.snippet)}</p>"
        )
    elif project.summary:
        summary = f'<p class="news-card__teaser">{conditional_escape(project.summary)}</p>'
    else:
        summary = ""
    status = project.project_status
    url = conditional_escape(project.get_absolute_url())
    # A project without a picture keeps the compact card (no branded placeholder): its
    # status and dates are what a reader scans for.
    media = picture_slot(project)
    classes = "card news-card project-card" + ("" if media else " news-card--no-image")
    return mark_safe(
        f'<article class="{classes}">'
        f"{media}"
        '<div class="news-card__body">'
        f'<{heading} class="news-card__title"><a href="{url}">'
        f"{soft_hyphenated_html(conditional_escape(title), get_language())}</a></{heading}>"
        '<p class="meta news-card__meta">'
        f'<span class="badge project-status project-status--{status.value}">'
        f"{conditional_escape(status.label)}</span> "
        # One flex item: the meta line's gap would push the dash away from both dates.
        f'<span class="project-card__dates">{_date(project.start_date)} – '
        f"{_date(project.end_date)}</span> "
        f"{implementer}"
        "</p>"
        f"{summary}"
        "</div></article>"
    )
