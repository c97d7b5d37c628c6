"""Keeps the content state (core.content_state) in step with everything visitors can see.

It listens at the model layer, so a change made by any path — the admin, the importer, a
command or a script's `save()` — is seen. What it listens to is found, not listed: new content
types and taxonomies take part by being built on `Publishable` or `TaxonomyRecord`.
"""

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.abstract_models import TaxonomyRecord
from core.content_state import content_changed, publishable_models

# Before-actions change nothing yet; the after-action that follows moves the state.
M2M_ACTIONS = {"post_add", "post_remove", "post_clear"}


def taxonomy_models():
    return [model for model in apps.get_models() if issubclass(model, TaxonomyRecord)]


def content_models():
    """Publishable and taxonomy models, and the rows that belong to one of them (aliases,
    issuers, documents: a foreign key that deletes them with their owner)."""
    owners = {*publishable_models(), *taxonomy_models()}
    dependents = {
        model
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.many_to_one
        and field.related_model in owners
        and field.remote_field.on_delete is models.CASCADE
    }
    return sorted(owners | dependents, key=lambda model: model._meta.label)


def m2m_through_models():
    """The automatic tables of the content models' many-to-many fields (tags): changed through
    `add()`, `remove()`, `set()` and `clear()`, which send `m2m_changed`. A table of its own
    (issuers) is a content model already."""
    return sorted(
        {
            field.remote_field.through
            for model in content_models()
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        },
        key=lambda model: model._meta.label,
    )


def content_saved_or_deleted(sender, **kwargs):
    content_changed()


def tags_changed(sender, action, **kwargs):
    if action in M2M_ACTIONS:
        content_changed()


def connect():
    for model in content_models():
        label = model._meta.label_lower
        post_save.connect(content_saved_or_deleted, sender=model, dispatch_uid=f"saved-{label}")
        post_delete.connect(content_saved_or_deleted, sender=model, dispatch_uid=f"deleted-{label}")
    for through in m2m_through_models():
        m2m_changed.connect(
            tags_changed, sender=through, dispatch_uid=f"tags-{through._meta.label_lower}"
        )
