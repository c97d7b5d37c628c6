"""Admin building blocks shared by the three apps (they live here so `countries` can use them
without importing `news`).

Control characters are stripped from what the editor submitted *before* validation: Django's
CharField refuses a NUL with an error the editor cannot see or fix, and a pasted vertical tab
or form feed would otherwise reach feeds and break them.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext
from modeltranslation.admin import TranslationAdmin

from core.text import strip_control_characters


def _clean_data(data, prefix):
    """A mutable copy of the bound data with control characters stripped from this form's keys."""
    if not hasattr(data, "lists"):
        return {
            key: strip_control_characters(value) if key.startswith(prefix) else value
            for key, value in data.items()
        }
    cleaned = data.copy()
    for key, values in data.lists():
        if key.startswith(prefix):
            cleaned.setlist(key, [strip_control_characters(value) for value in values])
    return cleaned


class CleanTextModelForm(forms.ModelForm):
    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if self.is_bound:
            self.data = _clean_data(self.data, f"{self.prefix}-" if self.prefix else "")


class CleanTextAdminMixin:
    """For every ModelAdmin and inline of our apps: the cleaning form, and a search box that
    tolerates pasted control characters (PostgreSQL refuses NUL in a query)."""

    form = CleanTextModelForm

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, strip_control_characters(search_term))

    def changelist_view(self, request, extra_context=None):
        # Filters and lookups in the query string (`?title__startswith=%00`) too: PostgreSQL
        # would answer a NUL with an error, and no stored text contains one.
        if any(
            strip_control_characters(value) != value
            for _key, values in request.GET.lists()
            for value in values
        ):
            request.GET = _clean_data(request.GET, "")
            request.GET._mutable = False
        return super().changelist_view(request, extra_context)


class CleanTextModelAdmin(CleanTextAdminMixin, admin.ModelAdmin):
    class Media:
        # Accessibility repairs for the libraries' widgets (tabs, language switch, select2).
        css = {"all": ["admin_osce/admin.css"]}
        js = ["admin_osce/admin.js"]


class LabelledInlineFormSet(forms.BaseInlineFormSet):
    """A tabular inline names its columns once, in the table's head, so its inputs have no
    label of their own: each gets one ("Order, row 2"), for screen readers and axe alike."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if index is None:
            return
        for field in form.fields.values():
            if not field.widget.is_hidden and field.label:
                field.widget.attrs.setdefault(
                    "aria-label",
                    gettext("%(field)s, row %(number)s")
                    % {"field": field.label, "number": index + 1},
                )


class CleanTextTabularInline(admin.TabularInline):
    form = CleanTextModelForm
    formset = LabelledInlineFormSet


class CleanTextStackedInline(admin.StackedInline):
    form = CleanTextModelForm


class TranslatedAdmin(TranslationAdmin):
    """Translated fields with one language switch for the whole form
    (`static/admin_osce/language_switch.js`); without JavaScript every language shows.

    A slug prepopulated from a translated field (the title) is filled from whichever language
    is typed first (`static/admin_osce/slug_prefill.js`), not by Django's script, which
    knows only the default language's field."""

    class Media:
        css = {"all": ["admin_osce/language_switch.css"]}
        js = ["admin/js/urlify.js", "admin_osce/language_switch.js", "admin_osce/slug_prefill.js"]

    def _translated_source(self, sources):
        """The translated field (`title`) a slug is prepopulated from, if it is one."""
        for source in sources:
            base, _sep, code = source.rpartition("_")
            if base in self.trans_opts.all_fields and code in dict(settings.LANGUAGES):
                return base
        return None

    def get_prepopulated_fields(self, request, obj=None):
        fields = super().get_prepopulated_fields(request, obj)
        return {
            target: sources
            for target, sources in fields.items()
            if not self._translated_source(sources)
        }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        sources = self.prepopulated_fields.get(db_field.name)
        base = sources and self._translated_source(sources)
        if field is not None and base:
            field.widget.attrs["data-slug-from"] = base
        return field


def in_every_language(*names):
    """Column names of translated fields in every language, for `search_fields`: an editor's
    search finds a record whatever language the words are in."""
    return [f"{name}_{code}" for name in names for code, _label in settings.LANGUAGES]
