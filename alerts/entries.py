"""What a mail shows of an item, per listing: title, date(s), issuers (a meeting's organiser,
a project's implementers and a document's issuers in order), teaser (a project's or a
document's summary) and link, in the subscriber's language, for the items visible now in that
language. Rendered once per batch for every mail that lists the item (alerts.sending)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format

from core import languages
from documents.models import Document
from news.models import Meeting, NewsItem
from projects.models import Project

from .models import Listing


def absolute(path):
    return settings.SITE_URL + path


def _news_entries(ids, language):
    items = (
        NewsItem.objects.published()
        .in_language(language)
        .filter(pk__in=ids)
        .prefetch_related("issuers__structure")
    )
    return {
        item.pk: {
            "title": item.title,
            "date": date_format(item.issued_on, "DATE_FORMAT"),
            "issuers": ", ".join(str(structure.name_in_text) for structure in item.ordered_issuers),
            "teaser": item.teaser,
            "url": absolute(item.get_absolute_url()),
            "order": (item.issued_on, item.pk),
        }
        for item in items
    }


def _meeting_entries(ids, language):
    meetings = (
        Meeting.objects.published()
        .filter(pk__in=ids)
        .exclude(**{languages.column("title", language): ""})
        .exclude(**{f"{languages.column('title', language)}__isnull": True})
        .select_related("organiser", "meeting_type")
    )
    entries = {}
    for meeting in meetings:
        if meeting.start_date == meeting.end_date:
            when = date_format(meeting.start_date, "DATE_FORMAT")
        else:
            when = "{} – {}".format(
                date_format(meeting.start_date, "DATE_FORMAT"),
                date_format(meeting.end_date, "DATE_FORMAT"),
            )
        entries[meeting.pk] = {
            "title": meeting.title,
            "date": when,
            "issuers": str(meeting.organiser.name_in_text) if meeting.organiser else "",
            "teaser": " · ".join(
                str(part) for part in (meeting.meeting_type.name, meeting.place) if part
            ),
            "url": absolute(meeting.get_absolute_url()),
            "order": (meeting.start_date, meeting.pk),
        }
    return entries


def _project_entries(ids, language):
    projects = (
        Project.objects.published()
        .in_language(language)
        .filter(pk__in=ids)
        .prefetch_related("implementers__structure")
    )
    return {
        project.pk: {
            "title": project.title,
            "date": "{} – {}".format(
                date_format(project.start_date, "DATE_FORMAT"),
                date_format(project.end_date, "DATE_FORMAT"),
            ),
            "issuers": ", ".join(
                str(structure.name_in_text) for structure in project.ordered_implementers
            ),
            "teaser": project.summary,
            "url": absolute(project.get_absolute_url()),
            "order": (project.start_date, project.pk),
        }
        for project in projects
    }


def _document_entries(ids, language):
    documents = (
        Document.objects.published()
        .in_language(language)
        .filter(pk__in=ids)
        .defer("file_text")
        .prefetch_related("issuers__structure")
    )
    return {
        document.pk: {
            "title": document.title,
            "date": date_format(document.publication_date, "DATE_FORMAT"),
            "issuers": ", ".join(
                str(structure.name_in_text) for structure in document.ordered_issuers
            ),
            "teaser": document.summary,
            "url": absolute(document.get_absolute_url()),
            "order": (document.publication_date, document.pk),
        }
        for document in documents
    }


LOADERS = {
    Listing.NEWS: _news_entries,
    Listing.MEETINGS: _meeting_entries,
    Listing.PROJECTS: _project_entries,
    Listing.DOCUMENTS: _document_entries,
}


def entries(listing, ids, language):
    """{item id: what the mail shows} for the `ids` visible now in `language`, written in it,
    with its text and HTML fragments rendered once for every mail of the batch."""
    with translation.override(language):
        found = LOADERS[listing](ids, language)
        for entry in found.values():
            entry["text"] = render_to_string("alerts/mail/item.txt", {"item": entry})
            entry["html"] = render_to_string("alerts/mail/item.html", {"item": entry})
    return found
