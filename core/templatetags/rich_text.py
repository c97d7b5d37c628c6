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

from core.richtext import html_to_text

register = template.Library()

_TABLE_START = re.compile(r"<table>(?:<caption>(?P<caption>.*?)</caption>)?", re.DOTALL)


@register.filter
def rich_text(value):
    """Sanitised HTML (core.richtext, on every save) with its tables in scrolling boxes."""
    if not value or "<table" not in value:
        return mark_safe(value or "")
    wrapped = _TABLE_START.sub(_opening, value).replace("</table>", "</table></div>")
    return mark_safe(wrapped)  # noqa: S308 — the input was sanitised on save


def _opening(match):
    """The box, named after the table's caption when it has one."""
    caption = html_to_text(match["caption"] or "")
    label = (
        gettext("Table: %(caption)s (scrolls sideways)") % {"caption": caption}
        if caption
        else gettext("Table (scrolls sideways)")
    )
    box = format_html(
        '<div class="table-scroll table-scroll--text" role="region" tabindex="0" aria-label="{}">',
        label,
    )
    return box + match.group()
