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

from core import fragments, languages

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
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    return render_to_string(
        "includes/language_switcher.html", _switcher(path, _page_languages(context))
    )


def alternates_html(context):
    if context == LATER:
        return "<!-- language alternates -->"
    url = context.get("canonical_url") or settings.SITE_URL + "/"
    return render_to_string(
        "includes/language_alternates.html", _alternates(url, _page_languages(context))
    )


def _kept(kind, context, render):
    """`render(context)`, kept by this process per page address, active language and page
    languages (core.fragments.LOCAL, bounded): that is all the links depend on, besides the
    code. Rendering both anew was a tenth of an item page's time."""
    request = context.get("request")
    address = request.get_full_path() if request is not None else ""
    available = ",".join(_page_languages(context))
    key = (
        f"language-links:{kind}:{languages.active()}:{available}:"
        f"{context.get('canonical_url') or ''}:{address}"
    )
    html = fragments.LOCAL.get(key)
    if html is None:
        html = render(context)
        fragments.LOCAL.put(key, html)
    return html


@register.simple_tag(takes_context=True)
def language_switcher(context):
    if context.get(LATER):
        return mark_safe(switcher_html(LATER))
    return mark_safe(_kept("switcher", context, switcher_html))


@register.simple_tag(takes_context=True)
def language_alternates(context):
    if context.get(LATER):
        return mark_safe(alternates_html(LATER))
    return mark_safe(_kept("alternates", context, alternates_html))


def _switcher(path, available):
    current = languages.active()
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


def _alternates(url, available):
    """`<link rel="alternate" hreflang>` for each language the page exists in, and an
    x-default (English, or the page's first language) for everyone else."""
    links = [{"hreflang": code, "url": languages.url_in(url, code)} for code in available]
    default = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in available else available[0]
    links.append({"hreflang": "x-default", "url": languages.url_in(url, default)})
    return {"links": links}
