"""What a mail shows of an item, per listing: title, date(s), issuers (a meeting's organiser,
a project's implementers and a document's issuers in order), teaser (a project's or a
document's summary) and link, in the subscriber's language, for the items visible now in that
language. Rendered once per batch for every mail that lists the item (alerts.sending).

One table (`KINDS`, a `Kind` per listing) says what differs between the listings; how an entry
is built from it is written once (`Kind.entry`)."""

from collections.abc import Callable
from dataclasses import dataclass

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


def date_span(start, end=None):
    """One date, or a span from `start` to `end` (both shown even when they are the same day:
    a kind whose one-day span shows one date passes no `end`)."""
    if end is None:
        return date_format(start, "DATE_FORMAT")
    return "{} – {}".format(date_format(start, "DATE_FORMAT"), date_format(end, "DATE_FORMAT"))


@dataclass(frozen=True)
class Kind:
    """How a mail shows one listing's items."""

    # The items visible now in a language, with what `issuers` and `teaser` read.
    visible: Callable
    # The date, or the start and the end; the first also orders the entries.
    dates: tuple
    # The structures shown after the title, in order.
    issuers: Callable
    teaser: Callable
    # A span that starts and ends the same day shows its date once (a meeting's; a project's
    # page shows both ends, so its mail does too).
    one_day_once: bool = False

    def entry(self, item):
        start, *end = (getattr(item, field) for field in self.dates)
        end = end[0] if end else None
        if self.one_day_once and end == start:
            end = None
        return {
            "title": item.title,
            "date": date_span(start, end),
            "issuers": ", ".join(str(structure.name_in_text) for structure in self.issuers(item)),
            "teaser": self.teaser(item),
            "url": absolute(item.get_absolute_url()),
            "order": (start, item.pk),
        }


def _meetings_visible(language):
    """A meeting has no "published in this language": it is shown where it has a title."""
    title = languages.column("title", language)
    return (
        Meeting.objects.published()
        .exclude(**{title: ""})
        .exclude(**{f"{title}__isnull": True})
        .select_related("organiser", "meeting_type")
    )


KINDS = {
    Listing.NEWS: Kind(
        visible=lambda language: (
            NewsItem.objects.published()
            .in_language(language)
            .prefetch_related("issuers__structure")
        ),
        dates=("issued_on",),
        issuers=lambda item: item.ordered_issuers,
        teaser=lambda item: item.teaser,
    ),
    Listing.MEETINGS: Kind(
        visible=_meetings_visible,
        dates=("start_date", "end_date"),
        issuers=lambda meeting: [meeting.organiser] if meeting.organiser else [],
        teaser=lambda meeting: " · ".join(
            str(part) for part in (meeting.meeting_type.name, meeting.place) if part
        ),
        one_day_once=True,
    ),
    Listing.PROJECTS: Kind(
        visible=lambda language: (
            Project.objects.published()
            .in_language(language)
            .prefetch_related("implementers__structure")
        ),
        dates=("start_date", "end_date"),
        issuers=lambda project: project.ordered_implementers,
        teaser=lambda project: project.summary,
    ),
    Listing.DOCUMENTS: Kind(
        visible=lambda language: (
            Document.objects.published()
            .in_language(language)
            .defer("file_text")
            .prefetch_related("issuers__structure")
        ),
        dates=("publication_date",),
        issuers=lambda document: document.ordered_issuers,
        teaser=lambda document: document.summary,
    ),
}


def entries(listing, ids, language):
    """{item id: what the mail shows} for the `ids` visible now in `language`, written in it,
    with its text and HTML fragments rendered once for every mail of the batch."""
    kind = KINDS[listing]
    with translation.override(language):
        found = {item.pk: kind.entry(item) for item in kind.visible(language).filter(pk__in=ids)}
        for entry in found.values():
            entry["text"] = render_to_string("alerts/mail/item.txt", {"item": entry})
            entry["html"] = render_to_string("alerts/mail/item.html", {"item": entry})
    return found
