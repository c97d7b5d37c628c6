"""Stale-save refusal: a change form remembers the version it was opened on."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

TOKEN_FIELD = "loaded_version"


def version_token(updated_at):
    return updated_at.isoformat() if updated_at else ""


def same_moment(first, second):
    """Revisions store times to the millisecond (Django's JSON serialiser), rows to the
    microsecond: compare at the coarser precision."""
    if first is None or second is None:
        return False
    return first.replace(microsecond=first.microsecond // 1000 * 1000) == second.replace(
        microsecond=second.microsecond // 1000 * 1000
    )


class StaleEditForm(forms.ModelForm):
    """Declares the hidden token; `RevisionAdmin.get_form` tells each form what is current."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    current_token = ""
    stale_details = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD].initial = self.current_token

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get(TOKEN_FIELD) or ""
        # A form the admin rendered always carries its token; only a hand-made POST lacks it.
        if self.instance.pk and loaded and loaded != self.current_token:
            self._refuse(loaded)
        return cleaned_data

    def _refuse(self, loaded):
        who, when, changes = self.stale_details(loaded)
        message = format_html(
            "{} {}",
            gettext(
                "This item was changed by %(user)s at %(time)s since you opened it. "
                "Your changes are not saved yet."
            )
            % {"user": who, "time": when},
            gettext(
                "Check what they changed, then save again to replace it with this form, or "
                "reload the page to start from their version."
            ),
        )
        if changes:
            message = format_html(
                "{}<ul>{}</ul>",
                message,
                format_html_join("", "<li>{}</li>", ((change.summary,) for change in changes)),
            )
        # Saving again is then a choice made knowing what it replaces.
        self.data = self.data.copy()
        self.data[TOKEN_FIELD] = self.current_token
        raise ValidationError(message, code="stale")
