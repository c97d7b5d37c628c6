"""Meetings as iCalendar (RFC 5545) data, for `/meetings/calendar.ics` and a meeting's
"Add to calendar" link.

Meetings have dates and no times, so every event is an all-day event: DTSTART and DTEND are
DATE values and DTEND is exclusive (a meeting ending on 6 December ends on the 7th). Floating
dates mean the same days wherever the subscriber is, so no VTIMEZONE is needed; the calendar
still names the site's time zone in X-WR-TIMEZONE, which some clients use for new events.

Text is in the active language (the URL's): titles, places and descriptions are the
modeltranslation columns with their English fallback, plain text only. UIDs are the meeting's
id at the host of `settings.SITE_URL` (never the request's Host, which a client controls), so
a subscribed calendar updates an event rather than duplicating it, whatever the language.
"""

import datetime
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext
from icalendar import Calendar, Event

from core.text import site_name, strip_control_characters

# Carriage returns become newlines (the writer escapes "\n" only); other C0 characters go.
LINE_BREAKS = re.compile(r"\r\n?")


def plain(value):
    return strip_control_characters(LINE_BREAKS.sub("\n", value or "")).strip()


def site_host():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def event_uid(meeting):
    """Stable across requests, languages and edits: only the primary key goes into it."""
    return f"meeting-{meeting.pk}@{site_host()}"


def location(meeting):
    """The place and the host country ("Vienna, Austria"), whichever the meeting has."""
    parts = [plain(meeting.place)]
    if meeting.host_country and plain(meeting.host_country.name) not in parts:
        parts.append(plain(meeting.host_country.name))
    return ", ".join(part for part in parts if part)


def meeting_event(meeting):
    """One VEVENT; `meeting` comes with its series, host country and organiser joined."""
    url = settings.SITE_URL + meeting.get_absolute_url()
    event = Event()
    event.add("uid", event_uid(meeting))
    event.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", meeting.start_date)
    event.add("dtend", meeting.end_date + datetime.timedelta(days=1))
    # A subscriber follows the organisation's meetings, not their own: free/busy stays free.
    event.add("transp", "TRANSPARENT")
    event.add("summary", plain(meeting.title))
    if place := location(meeting):
        event.add("location", place)
    event.add("description", description(meeting, url))
    event.add("url", url, parameters={"value": "URI"})
    event.add("categories", [plain(meeting.meeting_type.name)])
    return event


def description(meeting, url):
    """The meeting's text, who organises it and its page's address. ORGANIZER is not used: it
    must be an e-mail address, which a structure does not have here. Clients that ignore URL
    still show the description, so the link ends it."""
    organiser = meeting.organiser and gettext("Organised by: %(structure)s") % {
        "structure": plain(meeting.organiser.name)
    }
    return "\n\n".join(filter(None, [plain(meeting.description_text), organiser, url]))


def meetings_calendar(meetings, name):
    """The whole VCALENDAR as bytes (CRLF lines, folded at 75 octets, UTF-8)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//osce_site meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", plain(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    return calendar.to_ical()


def calendar_name(filter_names=()):
    if not filter_names:
        return gettext("%(site)s meetings") % {"site": site_name()}
    return gettext("%(site)s meetings: %(filters)s") % {
        "site": site_name(),
        "filters": ", ".join(filter_names),
    }
