"""The operators' record: one structured `osce.audit` line per publish, unpublish, restore,
recover and delete, beside the admin's own LogEntry history (written by `news.audit`, which
the importer shares)."""

from django.utils.translation import gettext

from core.client_ip import client_ip
from news import audit as news_audit


def audit(request, event, obj, **details):
    """The audit line of an admin request: `news.audit.audit` with the request's user and
    client address."""
    news_audit.audit(request.user, event, obj, ip=client_ip(request), **details)


def user_label(user):
    if user is None:
        return gettext("an unknown user")
    return user.get_full_name() or user.get_username()
