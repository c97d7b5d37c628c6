"""Setting up the second factor: an authenticator app (TOTP) and single-use recovery codes.

The page shows a QR code (SVG drawn here: no image service sees the secret) and the secret
for typing in by hand; the app is confirmed by one code it shows, so a mistyped secret never
locks anyone out. Confirming also makes recovery codes, shown once, and counts the session as
verified. Later visits show the number of codes left and can replace them.
"""

from base64 import b32encode

import segno
from django.db import transaction
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.signin.forms import ConfirmDeviceForm
from website.signin.second_factor import has_device, is_verified

RECOVERY_CODES = 10
TEMPLATE = "admin/second_factor.html"


def second_factor(request, site):
    user = request.user
    context = {**site.each_context(request), "title": gettext("Two-factor sign-in")}
    if has_device(user):
        verified = is_verified(user)
        if request.method == "POST" and verified:
            return render(request, TEMPLATE, {**context, "codes": new_recovery_codes(user)})
        recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
        return render(
            request,
            TEMPLATE,
            {
                **context,
                "enrolled": True,
                "can_renew": verified,
                "codes_left": recovery.token_set.count() if recovery else 0,
            },
        )

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    form = ConfirmDeviceForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = new_recovery_codes(user)
        otp_login(request, device)
        return render(request, TEMPLATE, {**context, "codes": codes})
    return render(
        request,
        TEMPLATE,
        {
            **context,
            "form": form,
            "qr_svg": qr_svg(device.config_url),
            "secret": spaced(b32encode(device.bin_key).decode()),
        },
    )


def new_recovery_codes(user):
    """Replace the user's recovery codes; the new ones are returned once and shown once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="recovery codes", defaults={"confirmed": True}
    )
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    device.token_set.all().delete()
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def qr_svg(data):
    # Black on white whatever the admin's colour theme, as phone cameras expect. Safe to mark
    # safe: segno writes only the drawing, never the data, into the SVG.
    return mark_safe(segno.make(data, error="m").svg_inline(scale=4, light="#fff"))


def spaced(secret):
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))
