"""`/meetings/calendar.ics` (a calendar to subscribe to) and `/meetings/<slug>/calendar.ics`
(one meeting, to add to a calendar), in the language of the URL (news.calendars).

The feed takes the listing's filter `?type=<series>` and also `?country=<host country>` and
`?organised_by=<structure>` (that structure and the ones below it, as the news listing's
`issued_by`). Repeated values are OR-ed, different keys AND-ed; values are slugs, and
unknown or malformed ones are dropped, never an error. The normalised query is declared for
the page cache, so only it is stored (osce_site.page_cache).

The feed is bounded: meetings that ended at most a year ago and everything after, soonest
first, at most `MAX_EVENTS` of them. A subscription is refreshed by clients every few hours;
older meetings are on the site.
"""

import datetime
import re

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from countries.models import Country
from news.calendars import calendar_name, meetings_calendar
from news.models import Meeting, MeetingType
from redirects.lookup import current_object
from structures.models import Structure

MAX_EVENTS = 1000
HISTORY = datetime.timedelta(days=365)
CONTENT_TYPE = "text/calendar; charset=utf-8"
FEED_FILENAME = "osce-meetings.ics"
# What a SlugField holds: anything else cannot name a record and never reaches the database
# (PostgreSQL refuses NUL characters in a query's parameters).
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,255}")


def requested_slugs(query, key):
    """The distinct well-formed slugs given for `key`, in the order given."""
    return [value for value in dict.fromkeys(query.getlist(key)) if SLUG.fullmatch(value)]


class MeetingCalendarFilter:
    """The feed's filters, read from a query string: known records only, in a stable order."""

    def __init__(self, query):
        self.series = list(MeetingType.objects.filter(slug__in=requested_slugs(query, "type")))
        self.countries = list(Country.objects.filter(slug__in=requested_slugs(query, "country")))
        self.structures = list(
            Structure.objects.filter(slug__in=requested_slugs(query, "organised_by"))
        )

    @property
    def query(self):
        """The normalised query: each key's known slugs, sorted."""
        query = QueryDict(mutable=True)
        for key, records in (
            ("type", self.series),
            ("country", self.countries),
            ("organised_by", self.structures),
        ):
            if records:
                query.setlist(key, sorted(record.slug for record in records))
        return query

    def names(self):
        return [record.name for record in (*self.series, *self.countries, *self.structures)]

    def apply(self, meetings):
        if self.series:
            meetings = meetings.filter(meeting_type__in=self.series)
        if self.countries:
            meetings = meetings.filter(host_country__in=self.countries)
        if self.structures:
            tree = Structure.objects.only("parent").tree()
            below = tree.subtree_ids(structure.pk for structure in self.structures)
            meetings = meetings.filter(organiser__in=below)
        return meetings


def public_meetings():
    return Meeting.objects.published().select_related("meeting_type", "host_country", "organiser")


def calendar_response(content, disposition):
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response.headers["Content-Disposition"] = disposition
    return response


def meetings_calendar_view(request):
    filters = MeetingCalendarFilter(request.GET)
    since = timezone.localdate() - HISTORY
    meetings = filters.apply(public_meetings()).filter(end_date__gte=since)
    content = meetings_calendar(
        meetings.order_by("start_date", "id")[:MAX_EVENTS], calendar_name(filters.names())
    )
    response = calendar_response(content, f'inline; filename="{FEED_FILENAME}"')
    # The page cache stores only the normalised query's calendar (osce_site.page_cache).
    response.canonical_query = filters.query
    return response


def meeting_calendar_view(request, slug):
    """Published meetings only: an editor previews a draft on its page, not in a calendar."""
    try:
        meeting = get_object_or_404(public_meetings(), slug=slug)
    except Http404:
        # A subscription to a renamed meeting's calendar keeps working (redirects/).
        renamed = current_object(Meeting, slug)
        if renamed is None:
            raise
        return HttpResponsePermanentRedirect(
            reverse("news:meeting_calendar", kwargs={"slug": renamed.slug})
        )
    response = calendar_response(
        meetings_calendar([meeting], meeting.title),
        f'attachment; filename="{meeting.slug}.ics"',
    )
    response.headers["Last-Modified"] = http_date(meeting.updated_at.timestamp())
    return response
