"""The profile block of a field operation's page. The structure page's template loads this tag,
so `structures` never imports this app (the layers point down)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from field_operations.selectors import profile_of

register = template.Library()


def shown_language(profile, field):
    """The language `field` is shown in: the page's, or the first fallback that has it
    (modeltranslation falls back), so the text can carry its own `lang`."""
    for code in (get_language(), *settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"]):
        if getattr(profile, f"{field}_{code}", ""):
            return code
    return get_language()


@register.inclusion_tag("field_operations/includes/profile.html")
def field_operation_profile(structure):
    """Two queries (the profile, its offices and figures in prefetches); nothing for a
    structure that is not a field operation or has no profile yet."""
    profile = profile_of(structure)
    figures = list(profile.figures.all()) if profile else []
    return {
        "structure": structure,
        "profile": profile,
        "mandate_language": profile and shown_language(profile, "mandate"),
        "page_language": get_language(),
        "offices": list(profile.offices.all()) if profile else [],
        "figures": figures,
        "csv_url": reverse("field_operation_figures:figures_csv", args=[structure.slug]),
        "json_url": reverse("field_operation_figures:figures_json", args=[structure.slug]),
    }
