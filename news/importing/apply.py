"""Step 3, apply: the plan written, in the caller's transaction."""

from django.db.models import Max

from core.content_changes import item_changed
from core.publishing import Status
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
        written.append((item, action.record))
        writes.append(Write(item.pk, before, kind.field_names(action.changed) if before else None))
        relations_changed = before and set(action.changed) & set(kind.relation_keys)
        if relations_changed and item.is_published:
            # Its facet values moved: the save below moves the item, this its listings too.
            item_changed(model, item.pk, listed=True)
    _write_relations(written, kind)
    for extra in kind.extras:
        extra.write([(item, r.extras[extra.key]) for item, r in written if extra.key in r.extras])
    record_writes(writes, user, source, kind)


def _write_relations(written, kind):
    """Replace the relations each written record names, in batched queries. Bulk writes send
    no signals; the items' own saves in the same transaction move the content state, once, at
    the commit that makes these rows visible too."""
    for relation in kind.relations:
        replaced, rows = [], []
        for item, record in written:
            if relation.key in record.relations:
                replaced.append(item.pk)
                rows += relation.rows(item, record.relations[relation.key])
        for chunk in chunks(replaced):
            relation.through.objects.filter(**{f"{relation.item_field}_id__in": chunk}).delete()
        relation.through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
