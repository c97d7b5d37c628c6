"""Project blocks for the pages of apps below `projects` in the layers ("Current projects" on
field-of-work, country and structure pages; "Part of project …" on a news item), and the
`euros` filter. Their templates load these tags, so the Python imports keep pointing down.
Each block runs a fixed number of queries."""

from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from projects.cards import card_html
from projects.selectors import current_projects, projects_of

register = template.Library()

CURRENT = 5


@register.filter
def euros(amount):
    """A budget in whole euros, grouped the reader's way ("EUR 1,250,000")."""
    if amount is None:
        return ""
    whole = int(Decimal(amount).quantize(Decimal(1)))
    return gettext("EUR %(amount)s") % {"amount": intcomma(whole)}


@register.simple_tag
def project_card(project, heading):
    return card_html(project, heading)


def _block(filter_name, slug, heading, empty_text, limit):
    projects, total = current_projects(limit, **{filter_name: slug})
    return {
        "projects": projects,
        "total": total,
        "heading": heading,
        "listing_url": reverse("projects:list")
        + "?"
        + urlencode({filter_name: slug, "status": "ongoing"}),
        "all_url": reverse("projects:list") + "?" + urlencode({filter_name: slug}),
        "empty_text": empty_text,
    }


@register.inclusion_tag("projects/includes/current_projects.html")
def field_of_work_projects(field, limit=CURRENT):
    return _block(
        "field_of_work",
        field.slug,
        _("Current projects"),
        _("No current project in this field of work."),
        limit,
    )


@register.inclusion_tag("projects/includes/current_projects.html")
def country_projects(country, limit=CURRENT):
    return _block(
        "country",
        country.slug,
        _("Current projects"),
        _("No current project for this country."),
        limit,
    )


@register.inclusion_tag("projects/includes/current_projects.html")
def structure_projects(structure, limit=CURRENT):
    """Projects implemented by the structure or any body below it."""
    return _block(
        "implemented_by",
        structure.slug,
        _("Current projects"),
        _("No current project implemented by this structure."),
        limit,
    )


@register.inclusion_tag("projects/includes/part_of_projects.html")
def part_of_projects(news_item):
    """ "Part of project …" on a news item: the published projects it is related to."""
    return {"projects": projects_of(news_item)}
