"""An item's publishing state in words, as the change form and the restore form show it."""

from django.utils import formats, timezone
from django.utils.translation import gettext

from core.publishing import Status


def format_moment(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def describe_state(status, publish_at, expire_at):
    """What a visitor sees of an item in this state right now: "Draft", "Live since …",
    "Scheduled: goes live on …", "Expired on …"."""
    if status == Status.DRAFT:
        return gettext("Draft")
    now = timezone.now()
    if publish_at > now:
        return gettext("Scheduled: goes live on %(moment)s") % {"moment": format_moment(publish_at)}
    if expire_at is not None and expire_at <= now:
        return gettext("Expired on %(moment)s") % {"moment": format_moment(expire_at)}
    if expire_at is not None:
        return gettext("Live since %(start)s, until %(end)s") % {
            "start": format_moment(publish_at),
            "end": format_moment(expire_at),
        }
    return gettext("Live since %(moment)s") % {"moment": format_moment(publish_at)}
