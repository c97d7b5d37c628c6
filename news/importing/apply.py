"""Step 3, apply: the plan written, in the caller's transaction."""

from django.db import router
from django.db.models import Max
from django.utils import timezone

from core.content_changes import UNKNOWN, item_changed, memberships_before
from core.publishing import Status
from core.stored_row import stored_rows
from countries.models import Country
from news.importing.plan import BATCH_SIZE, CREATE, UPDATE, chunks
from news.importing.recording import Write, record_writes
from news.models import FieldOfWork, NewsItem, NewsItemIssuer
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


def apply(actions, missing, progress, user, source):
    """Write the plan as `user` (None: the import user) and record each item written
    (`news.importing.recording`). The caller wraps this in a transaction.

    Items are written here rather than through `news.services`: its `publish` moves an item's
    `publish_at` to now and brings back an expired one, where the importer keeps what the item
    has, so that re-importing a file changes nothing; and it saves once per change, where a
    record is one save."""
    _create_missing_taxonomy(missing)
    slugs = SlugAllocator(taken_slugs(NewsItem), 255, "news")
    written, writes = [], []
    for action in progress(actions, "Importing"):
        if action.outcome == CREATE:
            item, before = NewsItem(**{"status": Status.PUBLISHED, **action.record.values}), None
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
        written.append((item, relations))
        writes.append(Write(item.pk, before, action.changed if before else None))
    _write_relations(written)
    record_writes(writes, user, source)


def _write_relations(written):
    """Replace the relations each written record names (an update's: those it changes), in
    batched queries. Bulk writes send no signals: the listings are told here that the visible
    items among them moved, with where they stood before (core.content_changes), and move
    once, at the commit that makes these rows visible too."""
    moved = sorted({item.pk for item, relations in written if relations})
    using = router.db_for_write(NewsItem)
    now = timezone.now()
    visible, placed = [], {}
    for chunk in chunks(moved):
        stored = stored_rows(NewsItem, chunk, using)  # locked until the commit
        shown = {pk: row for pk, row in stored.items() if NewsItem.visible(row, now)}
        visible += shown
        placed |= memberships_before(NewsItem, list(shown), using, shown)
    issuers, fields_of_work, countries = [], [], []
    replaced = {"issued_by": [], "fields_of_work": [], "countries": []}
    for item, relations in written:
        for key in relations:
            replaced[key].append(item.pk)
        issuers += [
            NewsItemIssuer(news_item=item, structure=structure, position=position)
            for position, structure in enumerate(relations.get("issued_by", ()))
        ]
        fields_of_work += [
            NewsItem.fields_of_work.through(newsitem=item, fieldofwork=record)
            for record in relations.get("fields_of_work", ())
        ]
        countries += [
            NewsItem.countries.through(newsitem=item, country=record)
            for record in relations.get("countries", ())
        ]
    through_tables = (
        (NewsItemIssuer, "news_item_id", "issued_by", issuers),
        (NewsItem.fields_of_work.through, "newsitem_id", "fields_of_work", fields_of_work),
        (NewsItem.countries.through, "newsitem_id", "countries", countries),
    )
    for model, item_column, key, rows in through_tables:
        for chunk in chunks(replaced[key]):
            model.objects.filter(**{f"{item_column}__in": chunk}).delete()
        model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for pk in visible:
        item_changed(NewsItem, pk, listed=True, before=placed.get(pk, UNKNOWN))
