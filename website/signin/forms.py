"""The admin's sign-in form (password, then a code once a second factor is set up) and the
form that confirms a new authenticator app."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

from website.signin.second_factor import has_device


def code_field(**kwargs):
    return forms.CharField(
        label=_("Authentication code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off"}),
        **kwargs,
    )


def clean_code(value):
    """Apps show codes as `123 456`; people copy recovery codes with spaces or dashes."""
    return "".join(value.split()).replace("-", "").lower()


class SignInForm(AdminAuthenticationForm):
    otp_token = code_field(
        required=False,
        help_text=_(
            "From your authenticator app, or one of your recovery codes. Needed once you "
            "have set up two-factor sign-in."
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_code": _(
            "Enter the current code from your authenticator app, or an unused recovery code."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and has_device(user):
            code = clean_code(cleaned_data.get("otp_token", ""))
            device = match_token(user, code) if code else None
            if device is None:
                # A wrong code counts towards the lockout like a wrong password, so the
                # password alone cannot be used to guess codes.
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": user.get_username()},
                    request=self.request,
                )
                raise ValidationError(self.error_messages["invalid_code"], code="invalid_code")
            # django-otp's `user_logged_in` handler marks the session as verified by it.
            user.otp_device = device
        return cleaned_data


class ConfirmDeviceForm(forms.Form):
    otp_token = code_field(
        help_text=_("The six-digit code your authenticator app shows now."),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        if not self.device.verify_token(clean_code(self.cleaned_data["otp_token"])):
            raise ValidationError(
                _("That code does not match. Check the time on your phone and try again."),
                code="invalid_code",
            )
        return self.cleaned_data["otp_token"]
