"""Step 3, apply: the plan written, in the caller's transaction."""

from django.db import router
from django.db.models import Max
from django.utils import timezone

from core.content_changes import UNKNOWN, item_changed, memberships_before
from core.publishing import Status
from core.stored_row import stored_rows
from countries.models import Country
from news.importing.names import CREATABLE
from news.importing.plan import BATCH_SIZE, CREATE, UPDATE, chunks
from news.importing.recording import Write, record_writes
from news.models import FieldOfWork
from news.naming import SlugAllocator
from redirects.lookup import redirected_slugs
from structures.models import Structure


def taken_slugs(model):
    """Slugs a new record may not take: those in use, and the old ones that still redirect to
    the record that had them (redirects/), so an import never breaks an old link."""
    return [*model.objects.values_list("slug", flat=True), *redirected_slugs(model)]


def _create_missing_taxonomy(missing):
    if missing["fields_of_work"]:
        slugs = SlugAllocator(taken_slugs(FieldOfWork), 120, "field")
        position = FieldOfWork.objects.aggregate(last=Max("position"))["last"] or 0
        for offset, record in enumerate(missing["fields_of_work"], start=1):
            record.slug, record.position = slugs.allocate(record.name), position + offset
            record.save()
    if missing["countries"]:
        slugs = SlugAllocator(taken_slugs(Country), 100, "country")
        for record in missing["countries"]:
            record.slug = slugs.allocate(record.name)
            record.save()
    if missing["structures"]:
        slugs = SlugAllocator(taken_slugs(Structure), 200, "structure")
        for record in missing["structures"]:
            record.slug = slugs.allocate(record.name)
            record.save()
    for kind in sorted(set(missing) - set(CREATABLE)):
        # A kind's own records its names resolved to (a donor for a country).
        if missing[kind]:
            model = type(missing[kind][0])
            slug_length = model._meta.get_field("slug").max_length
            slugs = SlugAllocator(taken_slugs(model), slug_length, kind)
            for record in missing[kind]:
                record.slug = slugs.allocate(record.name)
                record.save()


def apply(actions, missing, progress, user, source, kind):
    """Write the plan as `user` (None: the import user) and record each item written
    (`news.importing.recording`). The caller wraps this in a transaction.

    Items are written here rather than through `news.services`: its `publish` moves an item's
    `publish_at` to now and brings back an expired one, where the importer keeps what the item
    has, so that re-importing a file changes nothing; and it saves once per change, where a
    record is one save."""
    _create_missing_taxonomy(missing)
    model = kind.model
    slug_length = model._meta.get_field("slug").max_length
    slugs = SlugAllocator(taken_slugs(model), slug_length, kind.slug_fallback)
    written, writes = [], []
    for action in progress(actions, "Importing"):
        if action.outcome == CREATE:
            item, before = model(**{"status": Status.PUBLISHED, **action.record.values}), None
            item.slug = slugs.allocate(action.record.title)
            item.save()
        elif action.outcome == UPDATE:
            item = action.item
            before = {"status": item.status, "publish_at": item.publish_at}
            for key, value in action.record.values.items():
                setattr(item, key, value)
            item.save()
        else:
            continue
        relations = action.record.relations
        if before is not None:
            # Only the relations that differ: a rewrite of the same issuers is no change.
            relations = {key: value for key, value in relations.items() if key in action.changed}
        written.append((item, relations, action.record))
        writes.append(Write(item.pk, before, kind.field_names(action.changed) if before else None))
    _write_relations(written, kind)
    for extra in kind.extras:
        extra.write(
            [(item, r.extras[extra.key]) for item, _rel, r in written if extra.key in r.extras]
        )
    record_writes(writes, user, source, kind)


def _write_relations(written, kind):
    """Replace the relations each written record names (an update's: those it changes), in
    batched queries. Bulk writes send no signals: the listings are told here that the visible
    items among them moved, with where they stood before (core.content_changes), and move
    once, at the commit that makes these rows visible too."""
    model = kind.model
    moved = sorted({item.pk for item, relations, _record in written if relations})
    using = router.db_for_write(model)
    now = timezone.now()
    visible, placed = [], {}
    for chunk in chunks(moved):
        stored = stored_rows(model, chunk, using)  # locked until the commit
        shown = {pk: row for pk, row in stored.items() if model.visible(row, now)}
        visible += shown
        placed |= memberships_before(model, list(shown), using, shown)
    for relation in kind.relations:
        replaced, rows = [], []
        for item, relations, _record in written:
            if relation.key in relations:
                replaced.append(item.pk)
                rows += relation.rows(item, relations[relation.key])
        for chunk in chunks(replaced):
            relation.through.objects.filter(**{f"{relation.item_field}_id__in": chunk}).delete()
        relation.through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for pk in visible:
        item_changed(model, pk, listed=True, before=placed.get(pk, UNKNOWN))
