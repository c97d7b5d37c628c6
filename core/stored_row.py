"""The row as stored before a save, read once for everyone who compares before and after.

Two layers above compare a save of a visible item with the row it replaces: what the change
moves (website.invalidation: its publishing, listing and moment fields) and whether an old
slug needs a redirect (redirects.recording: the slug and the publishing fields). Each read the
row itself, two queries per save; the pre_save receiver here, connected before theirs (core
is ready first), reads it once with every field either needs and keeps it on the instance.

The row is locked until the end of the transaction when there is one (`Publishable.save`
opens one), so no concurrent save can slip between this read and the write.
"""

from django.db import connections, transaction
from django.db.models.signals import pre_save

STORED = "_stored_before"


def fields_of(model):
    slug = ("slug",) if any(field.name == "slug" for field in model._meta.concrete_fields) else ()
    return tuple(
        dict.fromkeys(
            (*model.publishing_fields, *model.listing_fields, *model.moment_fields, *slug)
        )
    )


def stored_rows(model, pks, using):
    """{pk: {field: value}} of the fields compared before and after a save, as stored,
    locked until the end of the transaction when there is one."""
    rows = model._base_manager.using(using).filter(pk__in=[pk for pk in pks if pk is not None])
    if (
        transaction.get_connection(using).in_atomic_block
        and connections[using].features.has_select_for_update
    ):
        rows = rows.select_for_update()
    return {row["pk"]: row for row in rows.values("pk", *fields_of(model))}


def before_save(sender, instance, raw, using, **kwargs):
    """Keep the stored row (None for a new one) on the instance for this save."""
    row = None
    if not raw and instance.pk is not None:
        row = stored_rows(sender, [instance.pk], using).get(instance.pk)
    setattr(instance, STORED, row)


def stored_before(instance):
    """The row as it was stored before the save under way (None when there was none), or
    `...` when this instance's model is not followed here."""
    return getattr(instance, STORED, ...)


def connect(models):
    for model in models:
        pre_save.connect(
            before_save, sender=model, dispatch_uid=f"stored-row-{model._meta.label_lower}"
        )
