from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.text import strip_control_characters

from .models import Frequency


class AccessibleForm(forms.Form):
    """Each field with errors points at them (`aria-describedby`), so a screen reader reads
    the error with the field; the error list's id is `<field id>_error`."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"
                widget.attrs["aria-invalid"] = "true"


class SubscribeForm(AccessibleForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    # The listing's query string, normalised again on every request (alerts.filters).
    filter = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def clean_email(self):
        return strip_control_characters(self.cleaned_data["email"]).strip()


class FrequencyForm(AccessibleForm):
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, widget=forms.RadioSelect
    )
