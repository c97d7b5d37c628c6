"""Signed links (django.core.signing) in the mails: to confirm a subscription (expires after
`CONFIRM_DAYS`), to manage or end one, and to see every subscription of an address. A link
names row ids only, never the address; a forged or altered one fails its signature."""

from django.core import signing

CONFIRM_DAYS = 7
CONFIRM_SALT = "alerts.confirm"
MANAGE_SALT = "alerts.manage"
ADDRESS_SALT = "alerts.address"


def confirm_token(subscription):
    return signing.dumps([subscription.pk, subscription.filter_id], salt=CONFIRM_SALT)


def manage_token(subscription):
    return signing.dumps([subscription.pk, subscription.subscriber_id], salt=MANAGE_SALT)


def address_token(subscriber):
    return signing.dumps(subscriber.pk, salt=ADDRESS_SALT)


def _loads(token, salt, max_age=None):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        return None


def read_confirm(token):
    """(subscription id, filter id) from a valid, unexpired confirmation token, or None."""
    value = _loads(token, CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)
    return _pair(value)


def read_manage(token):
    """(subscription id, subscriber id), or None."""
    return _pair(_loads(token, MANAGE_SALT))


def read_address(token):
    value = _loads(token, ADDRESS_SALT)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _pair(value):
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(part, int) and not isinstance(part, bool) for part in value)
    ):
        return tuple(value)
    return None
