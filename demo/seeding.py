"""One demo run: delete the previous demo content, then write the new in bulk.

It must make 100,000 items in well under three minutes on SQLite and 1,000,000 in about a
quarter of an hour on PostgreSQL, so slugs are numbered in memory and items and their relations
are written in batches: by `COPY` on PostgreSQL, each item generated while the rows before it
stream to the server (`demo.writing`), by `bulk_create` elsewhere.
"""

import random
from dataclasses import dataclass

from django.db import router, transaction
from django.utils import timezone

from core.planner_statistics import analyze
from demo.bulk_delete import delete_in_bulk
from demo.bulk_listings import TABLES, delete_bulk, seed_bulk_documents, seed_bulk_projects
from demo.documents import seed_documents
from demo.field_operations import seed_field_operations
from demo.images import demo_images, in_library
from demo.marks import DEMO_MEETING_PREFIX, DEMO_URL_PREFIX
from demo.meetings import MeetingGenerator
from demo.news_items import NewsGenerator
from demo.projects import seed_projects
from demo.taxonomy import DemoError, Taxonomy
from demo.writing import foreign_keys_checked_once, writer_for
from news.models import Meeting, NewsItem, NewsItemIssuer
from news.naming import SlugAllocator

# What the command, the tests and the benchmarks use; the rest of the package is its detail.
__all__ = ["DEMO_MEETING_PREFIX", "DEMO_URL_PREFIX", "DemoError", "SeedResult", "seed_demo"]

BATCH_SIZE = 2000
# The tables a run fills in bulk: their foreign keys are checked once, after the load, and
# their planner statistics refreshed.
WRITTEN = (
    NewsItem,
    NewsItem.fields_of_work.through,
    NewsItem.countries.through,
    NewsItemIssuer,
    Meeting,
    Meeting.fields_of_work.through,
    *TABLES,
)


@dataclass
class SeedResult:
    news: int = 0
    drafts: int = 0
    scheduled: int = 0
    with_image: int = 0
    joint: int = 0
    meetings: int = 0
    series: int = 0
    images: int = 0
    replaced_news: int = 0
    replaced_meetings: int = 0
    projects: int = 0
    field_operations: int = 0
    documents: int = 0


class _NoProgress:
    def __init__(self, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def update(self, count):
        pass


def delete_demo_content():
    """Remove what an earlier run made, and nothing else; returns (items, meetings)."""
    items = delete_in_bulk(NewsItem.objects.filter(source_url__startswith=DEMO_URL_PREFIX))
    meetings = delete_in_bulk(Meeting.objects.filter(slug__startswith=DEMO_MEETING_PREFIX))
    return items, meetings


def _special_numbers(rng, count):
    """Which item numbers become drafts and which are scheduled: a few of each."""
    drafts = min(max(2, count // 100), count // 4)
    scheduled = min(max(3, count // 150), count // 4)
    chosen = rng.sample(range(1, count + 1), drafts + scheduled)
    return dict.fromkeys(chosen[:drafts], "draft") | dict.fromkeys(chosen[drafts:], "scheduled")


def seed_demo(news_count, seed, progress=_NoProgress, now=None, projects=0, documents=0):
    """Replace the demo content with `news_count` items and the meetings of every series,
    and `projects` and `documents` more than the handcrafted ones (demo.bulk_listings).

    `progress(total=…, desc=…)` returns a context manager with `update(n)` (a tqdm bar in the
    command). Raises `DemoError` when the taxonomy is missing.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    images = demo_images() if news_count else []
    result = SeedResult(images=len(images))
    with transaction.atomic():
        result.replaced_news, result.replaced_meetings = delete_demo_content()
        delete_bulk()
        images = in_library(images)
        taxonomy = Taxonomy(today)
        rng = random.Random(seed)
        connection = transaction.get_connection(router.db_for_write(NewsItem))
        with foreign_keys_checked_once(connection, WRITTEN):
            _write_news(NewsGenerator(taxonomy, rng, images, now), news_count, result, progress)
            _write_meetings(MeetingGenerator(taxonomy, rng, now), result)
            result.projects = seed_projects(today, now, images)
            result.field_operations = seed_field_operations(rng, today)
            result.documents = seed_documents(today, now, images)
            result.projects += seed_bulk_projects(projects, rng, today, now)
            result.documents += seed_bulk_documents(documents, rng, today, now)
    analyze(*WRITTEN)
    return result


def _write_news(generator, count, result, progress):
    specials = _special_numbers(generator.rng, count)
    writer = writer_for(transaction.get_connection(router.db_for_write(NewsItem)))
    slugs = SlugAllocator(NewsItem.objects.values_list("slug", flat=True), 255, "news")
    with progress(total=count, desc="News items") as bar:
        for batch_start in range(1, count + 1, BATCH_SIZE):
            numbers = range(batch_start, min(batch_start + BATCH_SIZE, count + 1))
            generated = []
            items = _generate(generator, numbers, specials, slugs, generated)
            writer.objects(NewsItem, len(numbers), items)
            _write_item_relations(writer, generated)
            for entry in generated:
                result.with_image += bool(entry.item.image)
                result.joint += len(entry.structure_ids) > 1
            bar.update(len(generated))
    result.news = count
    result.drafts = sum(1 for kind in specials.values() if kind == "draft")
    result.scheduled = len(specials) - result.drafts


def _generate(generator, numbers, specials, slugs, generated):
    """Yield the items `numbers` one by one, as the writer consumes them, keeping each in
    `generated` for its relation rows."""
    for number in numbers:
        entry = generator.generate(number, specials.get(number))
        entry.item.slug = slugs.allocate(entry.slug_source)
        generated.append(entry)
        yield entry.item


def _write_item_relations(writer, generated):
    issuers, fields_of_work, countries = [], [], []
    for entry in generated:
        item_id = entry.item.pk
        issuers += [
            (item_id, structure_id, position)
            for position, structure_id in enumerate(entry.structure_ids)
        ]
        fields_of_work += [(item_id, field_id) for field_id in entry.field_of_work_ids]
        countries += [(item_id, country_id) for country_id in entry.country_ids]
    writer.rows(NewsItemIssuer, ("news_item_id", "structure_id", "position"), issuers)
    writer.rows(NewsItem.fields_of_work.through, ("newsitem_id", "fieldofwork_id"), fields_of_work)
    writer.rows(NewsItem.countries.through, ("newsitem_id", "country_id"), countries)


def _write_meetings(generator, result):
    taxonomy = generator.taxonomy
    slugs = SlugAllocator(Meeting.objects.values_list("slug", flat=True), 255, "meeting")
    generated = []
    for index, series in enumerate(taxonomy.meeting_types):
        generated += generator.generate(series, index)
    for meeting, _fields in generated:
        meeting.slug = slugs.allocate(f"{DEMO_MEETING_PREFIX}{meeting.title}")
    Meeting.objects.bulk_create([meeting for meeting, _fields in generated])
    through = Meeting.fields_of_work.through
    through.objects.bulk_create(
        through(meeting_id=meeting.pk, fieldofwork_id=field_id)
        for meeting, fields in generated
        for field_id in fields
    )
    result.meetings = len(generated)
    result.series = len({meeting.meeting_type_id for meeting, _fields in generated})
