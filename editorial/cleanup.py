"""A deleted item takes its working draft and its review request with it (a generic relation
has no cascade of its own), and the files uploaded in its draft's rows, kept in the private
storage under `drafts/<app>.<model>/<id>/` (news.admin.draft_files)."""

from django.core.files.storage import storages
from django.db import transaction
from django.db.models.signals import post_delete

from core.content_state import publishable_models
from core.private_media import PRIVATE_STORAGE

DRAFT_FILES = "drafts"


def draft_folder(obj):
    return f"{DRAFT_FILES}/{obj._meta.label_lower}/{obj.pk}"


def _delete_draft_files(folder):
    storage = storages[PRIVATE_STORAGE]
    try:
        _folders, names = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in names:
        storage.delete(f"{folder}/{name}")


def _deleted(sender, instance, **kwargs):
    from editorial.models import ReviewRequest, WorkingDraft

    for model in (WorkingDraft, ReviewRequest):
        model.objects.for_object(instance).delete()
    folder = draft_folder(instance)
    transaction.on_commit(lambda: _delete_draft_files(folder))


def connect():
    for model in publishable_models():
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"editorial-{model._meta.label}")
