"""A live item's working draft (editorial.WorkingDraft), as the change form sees it.

The draft is stored as the change form sent it and shown again by replaying that data through
the same form and inline formsets, so translations in every language, tags and ordered rows
(issuers, documents, implementers) come back exactly as they were typed — no per-model
serialisation to keep in step with the models. Publishing it is the ordinary save of that form
(revision, history, audit, invalidation, all as before). The publishing state (status, go-live,
expiry, featuring) is never part of a draft: it stays the live row's.

A file uploaded for a draft in one of the item's own fields (its image) is stored through the
field's storage, which saves new files in the private place (core.private_media): it stays
private until the draft is published and the item shows it (news.media_privacy). One uploaded
in an inline row (a document's PDF) is kept under the drafts folder (news.admin.draft_files).
"""

from dataclasses import dataclass

from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.forms.formsets import all_valid
from django.http import QueryDict

from editorial.models import WorkingDraft
from news.admin import draft_files
from news.admin.revisions.compare import ordered_rows
from news.admin.revisions.registration import FOLLOWS
from news.admin.revisions.stale import TOKEN_FIELD, version_token

# The row's publishing state: never drafted, always the live row's.
PUBLISHING_STATE = ("status", "publishing", "publish_at", "expire_at", "featured_until")
# The form's bookkeeping and the workflow's own inputs, stored nowhere.
NOT_STORED = {
    "csrfmiddlewaretoken",
    TOKEN_FIELD,
    "loaded_status",
    "review_message",
    "review_comment",
    "publish_reason",
}


def is_publishing_key(key):
    """`publish_at`, and the split widget's `publish_at_0` and `publish_at_1`."""
    return key in PUBLISHING_STATE or (key[-2:] in ("_0", "_1") and key[:-2] in PUBLISHING_STATE)


def stored_data(post):
    return {
        key: post.getlist(key)
        for key in post
        if key not in NOT_STORED and not key.startswith("_") and not is_publishing_key(key)
    }


def as_form_data(draft, obj):
    data = QueryDict(mutable=True)
    for key, values in draft.data.items():
        data.setlist(key, values)
    # The form is opened on the live row as it is now.
    data[TOKEN_FIELD] = version_token(obj.updated_at)
    return data


def draft_of(obj):
    if obj is None or obj.pk is None:
        return None
    return WorkingDraft.objects.for_object(obj).select_related("author").first()


def store(request, obj, form):
    """Keep what the change form sent as `obj`'s working draft; the row is not written."""
    draft = draft_of(obj) or WorkingDraft(content_type_id=_content_type_id(obj), object_id=obj.pk)
    files = {
        name: stored
        for name, stored in (draft.files or {}).items()
        if not draft_files.is_row_key(name)
    }
    for name, upload in request.FILES.items():
        field = _file_field(obj, name)
        if field is not None and name in form.fields:
            files[name] = field.storage.save(field.generate_filename(obj, upload.name), upload)
    for name in list(files):
        if request.POST.get(f"{name}-clear") and name not in request.FILES:
            files.pop(name)
    stored = type(obj)._default_manager.filter(pk=obj.pk).values_list("updated_at", flat=True)
    draft.data = stored_data(request.POST)
    draft.files = {**files, **draft_files.store(obj, request.FILES, draft)}
    draft.based_on = version_token(stored.first())
    draft.author = request.user
    draft.save()
    return draft


def apply_files(obj, draft, request):
    """On publishing the draft through the form: a file uploaded for the draft replaces the
    live one, unless the form now brings another or clears it. (Its rows' files came with the
    POST's files: `draft_files.with_draft_files`.)"""
    for name, stored_name in (draft.files or {}).items():
        if draft_files.is_row_key(name):
            continue
        if name not in request.FILES and not request.POST.get(f"{name}-clear"):
            setattr(obj, name, stored_name)


def discard_files(obj, draft):
    """The files uploaded for `draft` that the item does not use."""
    for name, stored_name in (draft.files or {}).items():
        if draft_files.is_row_key(name):
            continue
        if stored_name != getattr(obj, name).name:
            obj._meta.get_field(name).storage.delete(stored_name)
    draft_files.delete_files(draft)


def _content_type_id(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(obj)).pk


def _file_field(obj, name):
    try:
        field = obj._meta.get_field(name)
    except Exception:  # noqa: BLE001 - an unknown key is simply not a file of this model
        return None
    return field if isinstance(field, models.FileField) else None


@dataclass
class Replayed:
    """The draft bound to the item's form and inline formsets."""

    form: object
    formsets: list
    valid: bool
    # The files its rows were given (news.admin.draft_files).
    files: object = None

    def m2m_initial(self):
        if not self.valid:
            return {}
        return {
            field.name: list(self.form.cleaned_data[field.name])
            for field in self.form.instance._meta.many_to_many
            if field.name in self.form.cleaned_data
        }

    def errors(self):
        found = [str(error) for errors in self.form.errors.values() for error in errors]
        for formset in self.formsets:
            found += [str(error) for error in formset.non_form_errors()]
            found += [
                str(e) for errors in formset.errors for error in errors.values() for e in error
            ]
        return found


def draft_fields(model_admin, request, obj):
    fields = flatten_fieldsets(model_admin.get_fieldsets(request, obj))
    return [name for name in fields if name not in PUBLISHING_STATE]


def _bound_formsets(model_admin, request, obj, instance, data, files=None):
    """The inline formsets of `obj` (None: the add form) bound to `data` (and `files`), with
    the prefixes the change form gives them."""
    formsets = []
    prefixes = {}
    for formset_class, inline in model_admin.get_formsets_with_inlines(request, obj):
        prefix = formset_class.get_default_prefix()
        prefixes[prefix] = prefixes.get(prefix, 0) + 1
        if prefixes[prefix] != 1:
            prefix = f"{prefix}-{prefixes[prefix]}"
        formsets.append(
            formset_class(
                data=data,
                files=files if files is not None else {},
                instance=instance,
                prefix=prefix,
                queryset=inline.get_queryset(request),
            )
        )
    return formsets


def replay(model_admin, request, obj, draft):
    """The draft bound to a fresh copy of the item's form (the live `obj` is not touched)."""
    shown = type(obj)._default_manager.get(pk=obj.pk)
    data = as_form_data(draft, shown)
    form_class = model_admin.get_form(
        request, shown, change=True, fields=draft_fields(model_admin, request, shown)
    )
    form = form_class(data, {}, instance=shown)
    files = draft_files.with_draft_files(None, data, draft)
    formsets = _bound_formsets(model_admin, request, shown, shown, data, files)
    valid = form.is_valid()
    valid = all_valid(formsets) and valid
    return Replayed(form, formsets, valid, files)


def bind_new(model_admin, request, stored):
    """The add form's data (a preview of an item never saved) bound to the add form and its
    inline formsets, as Django's add view binds them. Without the publishing state, which
    `stored_data` leaves out: the model's defaults (a draft) stand in for it."""
    data = QueryDict(mutable=True)
    for key, values in stored.items():
        data.setlist(key, values)
    fields = draft_fields(model_admin, request, None)
    form = model_admin.get_form(request, None, change=False, fields=fields)(data, {})
    valid = form.is_valid()
    formsets = _bound_formsets(model_admin, request, None, form.instance, data)
    valid = all_valid(formsets) and valid
    return Replayed(form, formsets, valid)


def live_state(obj):
    """The live row as `compare_states` takes it."""
    values = {field.attname: field.value_from_object(obj) for field in obj._meta.concrete_fields}
    for field in obj._meta.many_to_many:
        values[field.attname] = sorted(item.pk for item in field.value_from_object(obj))
    return values, _live_rows(obj)


def draft_state(replayed):
    obj = replayed.form.instance
    values = {field.attname: field.value_from_object(obj) for field in obj._meta.concrete_fields}
    for name, chosen in replayed.m2m_initial().items():
        values[obj._meta.get_field(name).attname] = sorted(item.pk for item in chosen)
    return values, _draft_rows(obj, replayed.formsets)


def _followed(obj):
    """`obj`'s model's followed relations (news.admin.revisions.registration): what its
    revisions hold, and what compare shows, besides its fields."""
    return FOLLOWS.get(type(obj), [])


def _row_values(row):
    return {field.attname: field.value_from_object(row) for field in row._meta.concrete_fields}


def _live_rows(obj):
    return {name: [_row_values(row) for row in getattr(obj, name).all()] for name in _followed(obj)}


def _kept_rows(formset):
    """The rows a formset keeps (not deleted, not left empty), as field values by attname."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        kept.append(
            {
                field.attname: _value(data.get(field.name))
                for field in formset.model._meta.concrete_fields
                if field.name in data
            }
        )
    return kept


def _value(value):
    return value.pk if isinstance(value, models.Model) else value


def _draft_rows(obj, formsets):
    """The rows the draft's formsets keep, in their model's order (`position`: the order the
    editor gave them), for each relation compare shows."""
    rows = {}
    for formset in formsets:
        name = formset.fk.remote_field.related_name
        if name in _followed(obj):
            rows[name] = ordered_rows(formset.model, _kept_rows(formset))
    return rows
