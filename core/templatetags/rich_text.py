"""Showing stored rich text to visitors.

A table wider than the screen scrolls inside a box of its own, so the page never scrolls
sideways (a phone at 320 px); the box is a named, focusable region, so keyboard users can
scroll it too (axe: scrollable-region-focusable). Done at display time, not stored, so the
stored HTML stays what the editor and the sanitiser agree on.
"""

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

_TABLE_START = re.compile(r"<table\b")


@register.filter
def rich_text(value):
    """Sanitised HTML (core.richtext, on every save) with its tables in scrolling boxes."""
    if not value or "<table" not in value:
        return mark_safe(value or "")
    opening = format_html(
        '<div class="table-scroll table-scroll--text" role="region" tabindex="0" '
        'aria-label="{}"><table',
        gettext("Table (scrolls sideways)"),
    )
    wrapped = _TABLE_START.sub(lambda _match: opening, value).replace("</table>", "</table></div>")
    return mark_safe(wrapped)  # noqa: S308 — the input was sanitised on save
