"""The operators' record: one structured `osce.audit` line per publish, unpublish, restore,
recover and delete, beside the admin's own LogEntry history."""

import json
import logging

from django.utils.translation import gettext

audit_logger = logging.getLogger("osce.audit")


def audit(request, event, obj, **details):
    """One line per event: `event=publish user=ana model=news.newsitem id=12 title="…"`."""
    user = request.user.get_username() if request.user.is_authenticated else "-"
    extra = "".join(f" {key}={json.dumps(str(value))}" for key, value in details.items())
    audit_logger.info(
        "event=%s user=%s model=%s id=%s title=%s%s",
        event,
        json.dumps(user),
        obj._meta.label_lower,
        obj.pk,
        json.dumps(str(obj)),
        extra,
    )


def user_label(user):
    if user is None:
        return gettext("an unknown user")
    return user.get_full_name() or user.get_username()
