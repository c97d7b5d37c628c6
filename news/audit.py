"""What a change of content leaves behind, whoever makes it: a django-reversion revision of its
own, a LogEntry in the admin's history and one structured line in the `osce.audit` log.

The admin writes them for editors' saves and actions, `import_news` for the items it creates
and updates; both write them here, so an item's history and the operators' log read the same
whatever changed it.
"""

import contextlib
import json
import logging

import reversion
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.utils import translation
from django.utils.text import capfirst

from core.publishing import Status

audit_logger = logging.getLogger("osce.audit")


def audit(user, event, obj, ip=None, **details):
    """One line per event: `event=publish user=ana model=news.newsitem id=12 title="…"`, and
    `ip=203.0.113.5` last when a request made it (core.client_ip: the address the trusted
    front proxy names)."""
    name = user.get_username() if user is not None and user.is_authenticated else "-"
    extra = "".join(f" {key}={json.dumps(str(value))}" for key, value in details.items())
    if ip is not None:
        extra += f" ip={ip}"
    audit_logger.info(
        "event=%s user=%s model=%s id=%s title=%s%s",
        event,
        json.dumps(name),
        obj._meta.label_lower,
        obj.pk,
        json.dumps(str(obj)),
        extra,
    )


def save_event(before, obj):
    """What a save did, as the audit log names it; `before` is the row's status and
    `publish_at` before the save (None for a new object)."""
    if obj.status == Status.PUBLISHED and (before is None or before["status"] == Status.DRAFT):
        return "schedule" if obj.is_scheduled else "publish"
    if obj.status == Status.DRAFT and before and before["status"] == Status.PUBLISHED:
        return "unpublish"
    if obj.status == Status.PUBLISHED and before["publish_at"] != obj.publish_at:
        return "reschedule"
    return "change" if before else "add"


@contextlib.contextmanager
def item_revision(user, comment=""):
    """A revision of its own around one object's save, so that restoring one item never
    rewinds another written alongside it (a bulk action, an import)."""
    with reversion.create_revision():
        reversion.set_user(user)
        if comment:
            reversion.set_comment(comment)
        yield


def field_labels(model, names):
    """The fields' names for a LogEntry. Stored untranslated, as Django's own change messages
    are; the history view translates them for each reader."""
    with translation.override(None):
        return [str(capfirst(_label(model._meta.get_field(name)))) for name in names]


def _label(field):
    """A field's name; for the rows that belong to the object (a document's files), theirs."""
    if field.auto_created and not field.concrete:
        return field.related_model._meta.verbose_name_plural
    return field.verbose_name


def log_entry(user, obj, changed=None):
    """The admin's history entry for a save: an addition when `changed` is None, else a
    change of those fields. Returns it; its message is what django-reversion's admin takes as
    the revision's comment."""
    if changed is None:
        flag, message = ADDITION, [{"added": {}}]
    else:
        flag, message = CHANGE, [{"changed": {"fields": field_labels(type(obj), changed)}}]
    return LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=flag,
        change_message=message,
        single_object=True,
    )
