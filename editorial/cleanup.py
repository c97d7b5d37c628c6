"""A deleted item takes its working draft and its review request with it (a generic relation
has no cascade of its own)."""

from django.db.models.signals import post_delete

from core.content_state import publishable_models


def _deleted(sender, instance, **kwargs):
    from editorial.models import ReviewRequest, WorkingDraft

    for model in (WorkingDraft, ReviewRequest):
        model.objects.for_object(instance).delete()


def connect():
    for model in publishable_models():
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"editorial-{model._meta.label}")
