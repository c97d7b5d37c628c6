"""Document blocks for the pages of apps below or beside `documents` ("Latest publications"
on the home, field-of-work, country and structure pages; "Documents" on a news item, a
meeting and a project). Their templates load these tags, so the Python imports keep pointing
down. Each block runs a fixed number of queries."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from documents.cards import card_html
from documents.selectors import documents_of, latest, newest
from documents.selectors import meeting_documents as of_meeting

register = template.Library()

LATEST = 4


@register.simple_tag
def document_card(document, heading):
    return card_html(document, heading)


def _latest(filters, limit=LATEST):
    documents, total = latest(limit, **filters)
    url = reverse("documents:list")
    return {
        "documents": documents,
        "total": total,
        "heading": _("Latest publications"),
        "all_url": url + ("?" + urlencode(filters) if filters else ""),
    }


@register.inclusion_tag("documents/includes/latest_documents.html")
def latest_documents(limit=LATEST):
    """The home page's block: the newest documents, not the listing's filter."""
    return {
        "documents": newest(limit),
        "heading": _("Latest publications"),
        "all_url": reverse("documents:list"),
    }


@register.inclusion_tag("documents/includes/latest_documents.html")
def field_of_work_documents(field, limit=LATEST):
    return _latest({"field_of_work": field.slug}, limit)


@register.inclusion_tag("documents/includes/latest_documents.html")
def country_documents(country, limit=LATEST):
    return _latest({"country": country.slug}, limit)


@register.inclusion_tag("documents/includes/latest_documents.html")
def structure_documents(structure, limit=LATEST):
    """Documents issued by the structure or any body below it."""
    return _latest({"issued_by": structure.slug}, limit)


@register.inclusion_tag("documents/includes/item_documents.html")
def news_item_documents(item):
    return {"documents": documents_of(related_news=item.pk), "anchor": "news-documents"}


@register.inclusion_tag("documents/includes/item_documents.html")
def meeting_documents(meeting):
    return {"documents": of_meeting(meeting), "anchor": "meeting-documents"}


@register.inclusion_tag("documents/includes/item_documents.html")
def project_documents(project):
    return {"documents": documents_of(projects=project.pk), "anchor": "project-documents"}
