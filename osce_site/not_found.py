"""The site's 404 page, rendered once per language and state and reused for every path.

A 404 is never stored by the page cache (any path would make an entry), so each was rendered
in full: the layout, the menu, the footer — about 4 ms of the 5.7 ms a listing page past its
last page took under gunicorn (a fifth of the benchmark's filter mix is such pages). What it
shows differs between two paths only in the address it names (`og:url`) and the language
links (the switcher and the `hreflang` alternates name the same address in each language), so
the rest is rendered once per language, base state (the taxonomy, the menu) and version of the
simple pages (the footer's links) and kept by the process; those parts are rendered for each
request and put in their places (tests/osce_site/test_not_found.py: the same bytes as a page
rendered in full).

Not for someone signed in or with a notice waiting (their layout differs, and the notice
must be shown once, not kept): they get the page rendered in full, as before. The status and
headers are those of Django's own handler; `Cache-Control: no-cache` is added by
osce_site.middleware as for any 404.
"""

from django.http import HttpResponseNotFound
from django.template import loader
from django.utils.html import escape
from django.utils.translation import get_language
from django.views import defaults

from core.content_changes import model_version
from core.content_state import base_state
from core.templatetags.language_links import (
    LATER,
    alternates_html,
    switcher_html,
)
from osce_site.context_processors import site
from osce_site.signed_in import has_pending_messages, is_signed_in
from pages.models import Page

TEMPLATE = "404.html"
# Stands for the page's own address in the page kept (autoescaping leaves it as it is).
ADDRESS = "https://address.invalid/not-found"
# {(language, base state, pages' version): the page's bytes, language parts left out}
_bodies = {}
_BODIES_LIMIT = 64


def _body(request):
    key = (get_language(), base_state(), model_version(Page))
    body = _bodies.get(key)
    if body is None:
        context = {"request_path": "", "exception": "", "canonical_url": ADDRESS, LATER: True}
        body = loader.get_template(TEMPLATE).render(context, request)
        if len(_bodies) >= _BODIES_LIMIT:
            _bodies.clear()
        _bodies[key] = body
    return body


def page_not_found(request, exception=None):
    """`handler404`."""
    if is_signed_in(request) or has_pending_messages(request):
        return defaults.page_not_found(request, exception)
    context = {"request": request, **site(request)}
    body = (
        _body(request)
        .replace(ADDRESS, str(escape(context["canonical_url"])))
        .replace(switcher_html(LATER), switcher_html(context), 1)
        .replace(alternates_html(LATER), alternates_html(context), 1)
    )
    return HttpResponseNotFound(body)
