"""The dashboard's month calendar: what goes live on which day.

A month grid (weeks from Monday, the days of the neighbouring months that fill its first and
last week included) of every `Publishable` type the user may view: the items scheduled to go
live (a future `publish_at`) and, so that the calendar also answers "what went out this
week?", those that went live since this week's Monday. Older live items are left out: at
100,000 items a month of them would be a wall of links, and the changelists list them.

One query per type on the publishing index (`status, publish_at`), at most `PER_TYPE` rows
each. Rescheduling is `website.reschedule`; an item is movable when the user may publish its
type and it is still to go live.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import dates, formats, timezone

from core.publishing import Status
from website.dashboard import _change_url, _viewable

PER_TYPE = 300
# Items shown in one day's cell; the others are counted ("and 12 more"), the cell stays a cell.
PER_DAY = 8
# The months one can page to (the neighbours of year 9999's December do not exist).
YEARS = (1900, 2999)
MONTH_PARAMETER = "month"


@dataclass
class Entry:
    title: str
    kind: str
    when: datetime.datetime
    url: str
    reschedule_url: str = ""


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    today: bool
    entries: list = field(default_factory=list)
    more: int = 0


@dataclass
class Month:
    first: datetime.date
    title: str
    weekdays: list
    weeks: list
    previous: str
    next: str
    today: str
    # Whether the user may move anything (publishes some type): the help says how.
    movable: bool


def month_from(value, today):
    """The first day of the month `value` names ("2026-12"), or of `today`'s month when it
    names none (a visitor's typo gets this month, never an error)."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        if YEARS[0] <= year <= YEARS[1]:
            return datetime.date(year, month, 1)
    except ValueError:
        pass
    return today.replace(day=1)


def _month_param(first):
    return f"?{MONTH_PARAMETER}={first:%Y-%m}#schedule-calendar"


def _shifted(first, months):
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def reschedule_url(obj):
    opts = obj._meta
    return reverse("admin:reschedule", args=[opts.app_label, opts.model_name, obj.pk])


def may_publish(user, model):
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def _entries(user, start, end, now):
    """Every shown item between `start` and `end` (aware datetimes), by local day."""
    week_start = timezone.localdate(now) - datetime.timedelta(
        days=timezone.localdate(now).weekday()
    )
    since = timezone.make_aware(datetime.datetime.combine(week_start, datetime.time()))
    by_day = {}
    for model in _viewable(user):
        movable = may_publish(user, model)
        rows = (
            model.objects.filter(
                Q(publish_at__gt=now) | Q(publish_at__gte=since),
                status=Status.PUBLISHED,
                publish_at__gte=start,
                publish_at__lt=end,
            )
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
            .order_by("publish_at")[:PER_TYPE]
        )
        for obj in rows:
            when = timezone.localtime(obj.publish_at)
            by_day.setdefault(when.date(), []).append(
                Entry(
                    str(obj),
                    obj._meta.verbose_name,
                    when,
                    _change_url(obj),
                    reschedule_url(obj) if movable and obj.publish_at > now else "",
                )
            )
    for entries in by_day.values():
        entries.sort(key=lambda entry: entry.when)
    return by_day


def _day(day, first, today, entries):
    return Day(
        day, day.month == first.month, day == today, entries[:PER_DAY], len(entries[PER_DAY:])
    )


def month_calendar(user, month=None, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    first = month_from(month, today)
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        first.year, first.month
    )
    start = timezone.make_aware(datetime.datetime.combine(weeks[0][0], datetime.time()))
    end = timezone.make_aware(
        datetime.datetime.combine(weeks[-1][-1] + datetime.timedelta(days=1), datetime.time())
    )
    by_day = _entries(user, start, end, now)
    return Month(
        first=first,
        title=formats.date_format(first, "YEAR_MONTH_FORMAT"),
        weekdays=[(dates.WEEKDAYS_ABBR[day], dates.WEEKDAYS[day]) for day in range(7)],
        weeks=[[_day(day, first, today, by_day.get(day, [])) for day in week] for week in weeks],
        previous=_month_param(_shifted(first, -1)),
        next=_month_param(_shifted(first, 1)),
        today=_month_param(today.replace(day=1)),
        movable=any(may_publish(user, model) for model in _viewable(user)),
    )
