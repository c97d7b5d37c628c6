"""The language switcher and the `hreflang` alternates of every page.

A page says which languages it exists in by putting `page_languages` in its context (a news
item: the languages it is published in); pages that set nothing exist in all of them. The
switcher still offers every language, marking the ones the page lacks, because the page in
such a language explains itself (news_detail.html's notice) rather than failing.
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import languages

register = template.Library()

# In a context, asks for a mark in place of the language links, to be rendered and put in its
# place later (website.views.not_found: one 404 page for every path).
LATER = "language_links_later"


def _page_languages(context):
    return context.get("page_languages") or languages.codes()


def switcher_html(context):
    """The switcher's HTML for `context`, or its mark when `context` is `LATER`."""
    if context == LATER:
        return "<!-- language switcher -->"
    return render_to_string("includes/language_switcher.html", _switcher(context))


def alternates_html(context):
    if context == LATER:
        return "<!-- language alternates -->"
    return render_to_string("includes/language_alternates.html", _alternates(context))


@register.simple_tag(takes_context=True)
def language_switcher(context):
    return mark_safe(switcher_html(LATER if context.get(LATER) else context))


@register.simple_tag(takes_context=True)
def language_alternates(context):
    return mark_safe(alternates_html(LATER if context.get(LATER) else context))


def _switcher(context):
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = languages.active()
    available = _page_languages(context)
    return {
        "languages": [
            {
                "code": code,
                "name": languages.name_local(code),
                "url": languages.url_in(path, code),
                "current": code == current,
                "missing": code not in available,
            }
            for code in languages.codes()
        ]
    }


def _alternates(context):
    """`<link rel="alternate" hreflang>` for each language the page exists in, and an
    x-default (English, or the page's first language) for everyone else."""
    url = context.get("canonical_url") or settings.SITE_URL + "/"
    available = _page_languages(context)
    links = [{"hreflang": code, "url": languages.url_in(url, code)} for code in available]
    default = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in available else available[0]
    links.append({"hreflang": "x-default", "url": languages.url_in(url, default)})
    return {"links": links}
