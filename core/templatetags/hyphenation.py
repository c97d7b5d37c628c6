"""`{{ title|soft_hyphens }}`: a heading's long words with soft hyphens in the page's language
(core.hyphenation), for display only; never in `<title>`, meta tags or attributes."""

from django import template
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

from core.hyphenation import soft_hyphenated, soft_hyphenated_html

register = template.Library()


@register.filter
def soft_hyphens(value):
    if isinstance(value, SafeData):
        return mark_safe(soft_hyphenated_html(str(value), get_language()))
    return soft_hyphenated(str(value), get_language())
