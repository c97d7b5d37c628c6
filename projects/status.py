"""A project's status (planned, ongoing, completed): derived from its dates and today's date,
never stored (projects.models says why), in Python (`status_on`) and in SQL
(`status_condition`), and the midnight at which it changes (`midnight`)."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


def status_on(start, end, today):
    """The status of a project running from `start` to `end` (inclusive dates) on `today`."""
    if today < start:
        return ProjectStatus.PLANNED
    if today > end:
        return ProjectStatus.COMPLETED
    return ProjectStatus.ONGOING


def status_condition(status, today):
    """The rows having `status` on `today`, as a condition (the SQL twin of `status_on`)."""
    return {
        ProjectStatus.PLANNED: Q(start_date__gt=today),
        ProjectStatus.ONGOING: Q(start_date__lte=today, end_date__gte=today),
        ProjectStatus.COMPLETED: Q(end_date__lt=today),
    }[status]


def midnight(day):
    """The moment `day` begins in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
