"""Keeps the content state (core.content_state) in step with everything visitors can see, and
with nothing else.

It listens at the model layer, so a change made by any path — the admin, the importer, a
command or a script's `save()` — is seen. What it listens to is found, not listed: new content
types and taxonomies take part by being built on `Publishable` or `TaxonomyRecord`.

What a change moves (core.content_changes) depends on what visitors could see of the item
before and after it, read from the database on both sides of the write, never from the
instance (which may have been loaded long before): a save of a row no visitor sees (a draft,
an item scheduled for later, their tags and issuers) moves nothing public; a visible item's
edit moves that item and the pages; a change of its membership, order or facet values (its
`listing_fields`, tags and issuers) the listings too; a taxonomy change moves everything.
The row is locked from the first read to the commit (`Publishable.save` runs in a
transaction; tag changes and deletes do already), so a concurrent publish cannot slip between
the read and the write. A dependent row saved outside any transaction cannot lock its owner
and counts as visible.
"""

import threading

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.utils import timezone

from core.abstract_models import TaxonomyRecord
from core.content_changes import (
    MEMBERSHIPS,
    UNKNOWN,
    Change,
    content_changed,
    item_changed,
    label_of,
    memberships_before,
    record,
)
from core.content_state import publishable_models
from core.publishing import Publishable, Status
from core.stored_row import stored_before, stored_rows

# Before-actions change nothing yet; the after-action that follows moves the state.
M2M_ACTIONS = {"post_add", "post_remove", "post_clear"}
# The row's values before the write, kept on the instance between the pre_ and post_ signals.
BEFORE = "_public_before"
# Where the item (or a dependent row's owners) stood in the listings before the write
# (core.content_changes.memberships_before), kept the same way.
PLACED = "_listed_before"
# .spots = {(model label, pk): where it stood}: read before an m2m write (its pre_ action),
# until its post_ action, per thread.
_placed_before = threading.local()


def taxonomy_models():
    return [model for model in apps.get_models() if issubclass(model, TaxonomyRecord)]


def _cascading_owners(model, owners):
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one
        and field.related_model in owners
        and field.remote_field.on_delete is models.CASCADE
    ]


def content_models():
    """Publishable and taxonomy models, and the rows that belong to one of them (aliases,
    issuers, documents: a foreign key that deletes them with their owner)."""
    owners = {*publishable_models(), *taxonomy_models()}
    dependents = {model for model in apps.get_models() if _cascading_owners(model, owners)}
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


def _locking(using):
    return transaction.get_connection(using).in_atomic_block


def report(model, pk, before, after, using, placed=None):
    """Record what visitors can tell from a row going from `before` to `after` (stored values,
    None when there was or is no row). `placed`: where the item stood in the listings before
    (read before a delete); a save's is read from `before` and its tags, which a save leaves
    as they were."""
    now = timezone.now()
    was = before is not None and model.visible(before, now)
    is_ = after is not None and model.visible(after, now)
    label = label_of(model)
    change = Change()
    if _timing(model, before) != _timing(model, after):
        moments = [_next_moment(model, row, now) for row in (before, after)]
        # A hidden item's schedule: only the next scheduled change is found again.
        change.schedule = any(moments)
        if moments[1]:
            change.moments[(label, pk)] = moments[1].timestamp()
    if was or is_:
        change.public = True
        change.items.add((label, pk))
        if was != is_ or any(before[name] != after[name] for name in model.listing_fields):
            change.listed[label] = {pk}
            if placed is None:
                placed = memberships_before(model, [pk], using, rows={pk: before})
            change.members[(label, pk)] = placed.get(pk, UNKNOWN)
    if change.public or change.schedule:
        record(change)


def _timing(model, row):
    return row and tuple(row[name] for name in (*model.publishing_fields, *model.moment_fields))


def _next_moment(model, row, now):
    """When a published row comes, goes or changes (`moment_fields`) by itself, or None."""
    if row is None or row["status"] != Status.PUBLISHED:
        return None
    names = ("publish_at", "expire_at", *model.moment_fields)
    moments = [row[name] for name in names if row[name]]
    return min((moment for moment in moments if moment > now), default=None)


# Publishable rows ---------------------------------------------------------------------------


def item_before_save(sender, instance, raw, using, **kwargs):
    if not raw:
        # Read once for this layer and redirects/ (core.stored_row, connected first).
        before = stored_before(instance)
        if before is ...:
            before = stored_rows(sender, [instance.pk], using).get(instance.pk)
        setattr(instance, BEFORE, before)


def item_saved(sender, instance, raw, using, created=False, **kwargs):
    if raw:
        content_changed()
        return
    if created:
        # A row inserted in this transaction, locked to it: what was written is what is stored
        # (a bulk load of meetings read each new row back, one query per row).
        fields = (*sender.publishing_fields, *sender.listing_fields, *sender.moment_fields)
        after = {"pk": instance.pk, **{name: getattr(instance, name) for name in fields}}
    else:
        after = stored_rows(sender, [instance.pk], using).get(instance.pk)
    report(sender, instance.pk, getattr(instance, BEFORE, None), after, using)


def item_before_delete(sender, instance, using, **kwargs):
    before = stored_rows(sender, [instance.pk], using).get(instance.pk)
    setattr(instance, BEFORE, before)
    # Its tags go with it, before post_delete: where it stood is read now.
    if before is not None and sender.visible(before, timezone.now()):
        placed = memberships_before(sender, [instance.pk], using, rows={instance.pk: before})
        setattr(instance, PLACED, placed)


def item_deleted(sender, instance, using, **kwargs):
    before = getattr(instance, BEFORE, None)
    report(sender, instance.pk, before, None, using, getattr(instance, PLACED, {}))


def owners_placed(owner, pks, using):
    """{pk: where it stands in the listings} of the `owner` rows `pks` about to change, read
    with the rows locked (their own changes then wait for this transaction)."""
    if not _locking(using) or label_of(owner) not in MEMBERSHIPS:
        return {}
    rows = stored_rows(owner, pks, using)
    return memberships_before(owner, list(rows), using, rows=rows)


def owners_changed(owner, pks, using, placed=None):
    """Tags, issuers or documents of the `owner` rows `pks` changed: their listing values, so
    the listings move for those visitors can see. `placed`: where they stood before
    (`owners_placed`), unknown where missing."""
    placed = placed or {}
    if not _locking(using):
        for pk in pks:
            item_changed(owner, pk, listed=True)
        return
    now = timezone.now()
    for pk, row in stored_rows(owner, pks, using).items():
        if owner.visible(row, now):
            item_changed(owner, pk, listed=True, before=placed.get(pk, UNKNOWN))


# Rows that belong to an item (issuers, documents) ---------------------------------------------


def _owner_ids(instance):
    return {
        (field.related_model, getattr(instance, field.attname))
        for field in _cascading_owners(type(instance), set(publishable_models()))
    }


def dependent_before_save(sender, instance, raw, using, **kwargs):
    if raw:
        return
    owners = set()
    if instance.pk is not None:
        stored = sender._base_manager.using(using).filter(pk=instance.pk).first()
        owners = _owner_ids(stored) if stored is not None else set()
    setattr(instance, BEFORE, owners)
    _place_owners(instance, owners | _owner_ids(instance), using)


def dependent_before_delete(sender, instance, using, **kwargs):
    setattr(instance, BEFORE, set())
    _place_owners(instance, _owner_ids(instance), using)


def _place_owners(instance, owners, using):
    placed = {}
    for owner, pk in owners:
        placed[(owner, pk)] = owners_placed(owner, [pk], using).get(pk, UNKNOWN)
    setattr(instance, PLACED, placed)


def dependent_changed(sender, instance, using, raw=False, **kwargs):
    if raw:
        content_changed()
        return
    placed = getattr(instance, PLACED, {})
    for owner, pk in _owner_ids(instance) | getattr(instance, BEFORE, set()):
        owners_changed(owner, [pk], using, {pk: placed.get((owner, pk), UNKNOWN)})


# Everything else: the taxonomy and the rows that belong to it ----------------------------------


def content_saved_or_deleted(sender, **kwargs):
    content_changed()


def _tag_owners(instance, model, pk_set):
    """(owner model, pks) whose tags an m2m action changes, or None when unknown."""
    if isinstance(instance, Publishable):
        return type(instance), [instance.pk]
    if issubclass(model, Publishable) and pk_set is not None:
        return model, sorted(pk_set)
    return None


def tags_changed(sender, instance, action, model, pk_set, using, **kwargs):
    owners = _tag_owners(instance, model, pk_set)
    if action not in M2M_ACTIONS:
        # Where the owners stand before the write (read once per action, the rows locked).
        if owners is not None and action in {"pre_add", "pre_remove", "pre_clear"}:
            owner, pks = owners
            placed = owners_placed(owner, pks, using)
            _placed_before.spots = {(label_of(owner), pk): spot for pk, spot in placed.items()}
        return
    if owners is None:
        content_changed()
        return
    owner, pks = owners
    label = label_of(owner)
    spots, _placed_before.spots = getattr(_placed_before, "spots", {}), {}
    placed = {pk: spots.get((label, pk), UNKNOWN) for pk in pks}
    owners_changed(owner, pks, using, placed)


def connect():
    publishable = set(publishable_models())
    for model in content_models():
        label = model._meta.label_lower
        if model in publishable:
            handlers = (
                (pre_save, item_before_save),
                (post_save, item_saved),
                (pre_delete, item_before_delete),
                (post_delete, item_deleted),
            )
        elif _cascading_owners(model, publishable):
            handlers = (
                (pre_save, dependent_before_save),
                (pre_delete, dependent_before_delete),
                (post_save, dependent_changed),
                (post_delete, dependent_changed),
            )
        else:
            handlers = (
                (post_save, content_saved_or_deleted),
                (post_delete, content_saved_or_deleted),
            )
        for signal, handler in handlers:
            signal.connect(handler, sender=model, dispatch_uid=f"{handler.__name__}-{label}")
    for through in m2m_through_models():
        m2m_changed.connect(
            tags_changed, sender=through, dispatch_uid=f"tags-{through._meta.label_lower}"
        )
