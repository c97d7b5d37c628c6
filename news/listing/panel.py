"""The listing's filter panel: every facet's options with their counts, as HTML.

The panel (about 150 options with their counts) is rendered once per listing state, language
and set of active filters, and kept in the cache (`filter_panel_key`): every page of one
filtered listing shares it, and its counts are computed only when it is rendered. Its option
lists are written here rather than in the template (`options_html`): rendered option by
option through the template engine they took most of the panel's time.
"""

from functools import lru_cache

from django.conf import settings
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

FILTER_PANEL_SECONDS = 600


@lru_cache(maxsize=4096)
def option_markup(name, value, label, depth):
    """The parts of an option's list item that do not change with the filters, escaped: an
    option's name and label change only with the taxonomy or the language, which are in the
    arguments."""
    name, value, label = escape(name), escape(value), escape(label)
    return (
        f'\n<li class="facet__option facet__option--depth-{int(depth)}">'
        f'<input type="checkbox" id="facet-{name}-{value}" name="{name}" value="{value}"',
        f'><label for="facet-{name}-{value}">{label} ',
    )


def option_html(name, option, count_text):
    """One option's list item. Its number is the option's own results while nothing else in
    its facet is ticked, then "+N", the results ticking it would add (DESIGN.md, "Facet
    counts"); a unit of a ticked structure is shown ticked, disabled and "included", since
    ticking it would change nothing."""
    head, middle = option_markup(name, option.value, str(option.label), option.depth)
    if option.included_in:
        included = gettext("included in %(name)s") % {"name": option.included_in}
        return (
            f'{head} checked disabled{middle}<span class="facet__included">{escape(included)}'
            "</span></label></li>"
        )
    if option.added is None:
        number, modifier = escape(count_text(option.count)), ""
    else:
        number, modifier = f"+{escape(count_text(option.added))}", " facet__count--more"
    return (
        f"{head}{' checked' if option.selected else ''}{middle}"
        f'<span class="facet__count{modifier}">{number}'
        f'<span class="visually-hidden"> {escape(option.results_word)}</span></span></label>'
        "</li>"
    )


def options_html(facet):
    """The facet's visible options as the panel's list items, every value escaped. One line
    per option, without the template's indentation: the panel is half of a listing page's
    bytes, and every page served pays for its size (whitespace between these flex items is
    not rendered)."""
    # Without thousand separators a count is its digits (what `localize` would return).
    count_text = localize if settings.USE_THOUSAND_SEPARATOR else str
    parts = []
    for option in facet.visible_options:
        parts.append(option_html(facet.name, option, count_text))
    return mark_safe("".join(parts))


def panel_facets(filterset):
    """The facets with their counts, each with its options' HTML."""
    facets = filterset.facets()
    for facet in facets:
        facet.options_html = options_html(facet)
    return facets


def filter_panel_key(state, language, list_url, query, sort):
    """What the rendered filter panel depends on: its counts and options on the listing state
    and the active filters (the normalised query holds every one of them, the page number
    never), its words and links on the language."""
    return "|".join((state, language or "", list_url, query.urlencode(), sort))
