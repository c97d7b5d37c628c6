"""Admin forms for publishable content: the checks an editor should see as form errors rather
than as a database constraint's name."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.admin_forms import CleanTextModelForm, LabelledInlineFormSet
from news.admin.publish_reason import PublishReasonFormMixin, reason_field
from news.admin.publishing_choice import PublishingChoiceFormMixin, choice_field
from news.admin.revisions.stale import TOKEN_FIELD, StaleEditForm
from news.models import NewsItem


class PublishableAdminForm(
    PublishingChoiceFormMixin, PublishReasonFormMixin, StaleEditForm, CleanTextModelForm
):
    # Set when this save is refused with the input kept (news.admin.kept_input,
    # news.admin.editorial); `refusal_refreshes`: saving the form again is then a choice.
    refusal = None
    refusal_refreshes = False
    # The status the form was opened on (news.admin.kept_input).
    loaded_status = forms.CharField(widget=forms.HiddenInput, required=False)
    # Shown to publishers only (news.admin.publish_reason).
    publish_reason = reason_field()
    # "Save as draft", "Publish now" or "Schedule": publishers only
    # (news.admin.publishing_choice).
    publishing = choice_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_status"].initial = self.instance.status if self.instance.pk else ""
        self.setup_publishing_choice()

    def clean(self):
        if self.refusal:
            if self.refusal_refreshes:
                self.data = self.data.copy()
                self.data[TOKEN_FIELD] = self.current_token
                self.data["loaded_status"] = self.instance.status
            # Before the stale-save check, whose "save again to replace it" would not apply.
            raise ValidationError(self.refusal, code="refused")
        cleaned_data = super().clean()
        titles = [name for name in self.fields if name.startswith("title_")]
        if titles and not any((cleaned_data.get(name) or "").strip() for name in titles):
            # Any one language will do (the model's own check asks for a title in each
            # language a news item is published in).
            self.add_error(
                f"title_{settings.LANGUAGE_CODE}",
                _("Give the item a title in at least one language."),
            )
        self.apply_publishing_choice(cleaned_data)
        self.check_publish_reason(cleaned_data)
        publish_at = cleaned_data.get("publish_at")
        expire_at = cleaned_data.get("expire_at")
        if publish_at and expire_at and expire_at <= publish_at:
            self.add_error(
                "expire_at", _("The item must expire after it is published: pick a later time.")
            )
        return cleaned_data


class NewsItemAdminForm(PublishableAdminForm):
    class Meta:
        model = NewsItem
        fields = "__all__"


class IssuerFormSet(LabelledInlineFormSet):
    """Issuing structures in the editor's order. The "Order" numbers only need to be relative:
    on save they become 0, 1, 2… (ties keep their order on the page), and 0 is the lead."""

    default_error_messages = {
        "too_few_forms": _("Add at least one issuing structure: the first one is the lead."),
    }
    # The row's own field, and what a second row with the same value is told (a subclass for
    # other ordered rows, e.g. a project's donors, sets these three).
    row_field = "structure"
    duplicate_message = _("%(structure)s is listed twice: list each issuing structure once.")
    duplicate_code = "duplicate_issuer"

    def _kept_forms(self):
        deleted = set(self.deleted_forms) if self.can_delete else set()
        return [
            form
            for form in self.forms
            if form not in deleted
            and getattr(form, "cleaned_data", None)
            and form.cleaned_data.get(self.row_field)
        ]

    def clean(self):
        seen = set()
        for form in self._kept_forms():
            value = form.cleaned_data[self.row_field]
            if value.pk in seen:
                raise ValidationError(
                    self.duplicate_message,
                    code=self.duplicate_code,
                    params={self.row_field: value},
                )
            seen.add(value.pk)
        super().clean()

    def save(self, commit=True):
        saved = super().save(commit=commit)
        if commit:
            kept = [form.instance for form in self._kept_forms() if form.instance.pk]
            ordered = sorted(enumerate(kept), key=lambda pair: (pair[1].position, pair[0]))
            for position, (_index, link) in enumerate(ordered):
                if link.position != position:
                    link.position = position
                    link.save(update_fields=["position"])
        return saved
