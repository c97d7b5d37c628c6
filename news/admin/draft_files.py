"""Files uploaded in the inline rows of a live item's working draft (a document's PDFs).

The draft keeps the form's data, not its rows, so a file uploaded in a row has no row to be
kept in until the draft is published. It is stored in the private storage (core.private_media:
no URL, served by nothing) under `drafts/<app>.<model>/<id>/`, and the draft remembers it by
the row's input name (`files-0-file`) in `WorkingDraft.files`, beside the item's own file
fields (whose names have no "-"). Deleting the item deletes that folder (editorial.cleanup).

Every later form of the draft (shown again, previewed, saved again, published) hands the file
to the inline formsets as if it had been uploaded again (`DraftUpload`), unless that row is
gone, deleted, cleared or given another file: the row validates and shows it, and publishing
saves it where the row's field keeps its files, like any upload. The drafts' copy is deleted
once the draft is published or discarded.
"""

import mimetypes
import posixpath

from django import forms
from django.core.files.storage import storages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.datastructures import MultiValueDict

from core.private_media import PRIVATE_STORAGE
from editorial.cleanup import draft_folder


def _storage():
    return storages[PRIVATE_STORAGE]


class DraftUpload(UploadedFile):
    """A file kept with a working draft, handed to a row's form as an upload."""

    def __init__(self, stored_name):
        storage = _storage()
        name = posixpath.basename(stored_name)
        super().__init__(
            file=storage.open(stored_name),
            name=name,
            content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
            size=storage.size(stored_name),
        )
        self.stored_name = stored_name


class DraftFileField(forms.FileField):
    """A row's file field whose widget is shown the draft's file: Django's shows a file
    field's initial value only, never the bound one."""

    def bound_data(self, data, initial):
        return data if isinstance(data, DraftUpload) else super().bound_data(data, initial)


def is_row_key(key):
    """`files-0-file` (a row's input) rather than `image` (the item's own field)."""
    return "-" in key


def row_files(draft):
    return {
        key: name for key, name in (getattr(draft, "files", None) or {}).items() if is_row_key(key)
    }


def _row_kept(data, key):
    """Whether `data` still has the row of `key`, neither deleted nor its file cleared."""
    row = key.rsplit("-", 1)[0]
    formset, _dash, index = row.rpartition("-")
    if not index.isdigit() or int(index) >= int(data.get(f"{formset}-TOTAL_FORMS") or 0):
        return False
    return not (data.get(f"{row}-DELETE") or data.get(f"{key}-clear"))


def with_draft_files(files, data, draft):
    """`files` (a request's, or None) plus each of the draft's row files that `data` keeps
    and does not replace."""
    merged = MultiValueDict()
    for key in files or ():
        merged.setlist(key, files.getlist(key))
    storage = _storage()
    for key, name in row_files(draft).items():
        if key not in merged and _row_kept(data, key) and storage.exists(name):
            merged[key] = DraftUpload(name)
    return merged


def store(obj, files, draft):
    """The row files of `files` as the draft keeps them: new uploads saved under the drafts
    folder, files it already kept as they are; the ones it no longer keeps are deleted."""
    storage = _storage()
    folder = draft_folder(obj)
    kept = {}
    for key, upload in files.items():
        if not is_row_key(key):
            continue
        if isinstance(upload, DraftUpload):
            kept[key] = upload.stored_name
        else:
            name = storage.generate_filename(posixpath.join(folder, upload.name))
            kept[key] = storage.save(name, upload)
    for name in set(row_files(draft).values()) - set(kept.values()):
        storage.delete(name)
    return kept


def delete_files(draft):
    """Once the transaction that publishes or discards `draft` is committed: its row files
    (published ones were saved again where their rows keep files)."""
    names = list(row_files(draft).values())

    def delete():
        storage = _storage()
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(delete)


def written_copies(formsets):
    """The files the formsets' saves wrote for draft files (a preview deletes them after)."""
    written = []
    for formset in formsets:
        for form in formset.forms:
            for name, value in (getattr(form, "cleaned_data", None) or {}).items():
                if isinstance(value, DraftUpload):
                    stored = getattr(form.instance, name)
                    written.append((stored.storage, stored.name))
    return written
