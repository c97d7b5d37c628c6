"""Who must, may and did pass the second factor (django-otp)."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django_otp import device_classes

# Set on the signed-in user by `backends.SignInBackend`, from the query that loads it.
FLAG = "has_second_factor"


def any_device():
    """Does the user (OuterRef pk) have a confirmed device, of any kind? One subquery each."""
    return reduce(
        or_,
        (
            Exists(kind.objects.filter(user=OuterRef("pk"), confirmed=True))
            for kind in device_classes()
        ),
    )


def has_device(user):
    """Has the account a confirmed second factor? Asked once per user object: the admin asks
    on every page."""
    if not hasattr(user, FLAG):
        found = get_user_model()._default_manager.filter(any_device(), pk=user.pk).exists()
        setattr(user, FLAG, found)
    return getattr(user, FLAG)


def is_verified(user):
    """Did this session sign in with a code? django-otp's middleware sets `otp_device` from
    the session; the sign-in form sets it on the user it signs in."""
    return getattr(user, "otp_device", None) is not None


def must_enrol(user):
    """An admin account without a second factor, where one is required: it may only enrol."""
    return (
        settings.OTP_REQUIRED
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and not has_device(user)
    )


def satisfied(user):
    """Verified, or neither required nor set up: a confirmed device is always asked for."""
    if is_verified(user):
        return True
    return not settings.OTP_REQUIRED and not has_device(user)
