"""Items becoming visible, matched once against the distinct filters, and what that owes.

An item becomes visible by a publish (a save: `alerts.signals` enqueues `match_item` at the
commit) or by the clock (a scheduled moment passing, which saves nothing: the content state
notices it in whichever request reads the state first, and a write there would put mail work
into a visitor's request). `sweep()`, run by the `alerts_tick` command every minute, finds
every item that is visible now, went live in the last `LOOKBACK` and has not been matched yet,
so scheduled items, bulk loads that send no signals and a lost task are all caught within a
minute. `MatchedItem` (unique per item and language) makes sure an item is matched once,
whoever comes first; an item unpublished and published again is not sent again.

Matching an item owes it to every confirmed, unsuspended subscription of each matching filter:
one `Outbox` row per (subscription, item), inserted in bulk (conflicts ignored); the callers
(alerts.tasks, alerts.schedule) enqueue the immediate subscriptions for sending in chunks;
digests collect their rows until their run (alerts.sending).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db import connection as database
from django.utils import timezone

from core import languages
from documents.models import Document
from news.models import Meeting, NewsItem
from projects.models import Project

from .filters import item_languages, match_items
from .models import (
    AlertFilter,
    Frequency,
    Listing,
    MatchedItem,
    Outbox,
    OutboxStatus,
    Subscriber,
    Subscription,
)

# Items that went live longer ago than this are never alerted (installing alerts on a site
# with years of items sends nothing old).
LOOKBACK = datetime.timedelta(days=2)
# (filter, item) pairs per INSERT: well below SQLite's limit of bound parameters.
PAIRS_PER_INSERT = 400

MODELS = {
    Listing.NEWS: NewsItem,
    Listing.MEETINGS: Meeting,
    Listing.PROJECTS: Project,
    Listing.DOCUMENTS: Document,
}


def visible(listing, ids, now=None):
    return MODELS[listing].objects.published(now).filter(pk__in=ids)


def _claim(listing, pk, language):
    """True for the one caller that records this item as matched in `language`."""
    try:
        with transaction.atomic():
            MatchedItem.objects.create(listing=listing, item_id=pk, language=language)
        return True
    except IntegrityError:
        return False


def match(listing, ids, now=None):
    """Match the visible ones of `ids` not matched before; returns the ids of the immediate
    subscriptions that are now owed mail (the caller enqueues their sending: alerts.tasks)."""
    # One transaction: an item is recorded as matched together with what it owes, so a
    # worker killed in between leaves it unmatched for the next sweep, never half done.
    with transaction.atomic():
        items = list(visible(listing, ids, now))
        by_language = {}
        for item in items:
            for language in item_languages(listing, item):
                if language in languages.codes() and _claim(listing, item.pk, language):
                    by_language.setdefault(language, []).append(item.pk)
        immediate = set()
        for language, item_ids in by_language.items():
            filters = list(AlertFilter.objects.filter(listing=listing, language=language))
            matches = match_items(listing, language, item_ids, filters)
            immediate |= owe(matches)
    return sorted(immediate)


def owe(matches):
    """Outbox rows for {filter id: [item ids]}, one INSERT … SELECT per few hundred pairs
    (the database joins the pairs with the confirmed, unsuspended subscriptions of their
    filters; conflicts, rows owed before, are skipped); returns the immediate subscriptions
    concerned. Building the rows in Python was most of an enqueue's time at 100,000
    subscriptions (bench/alerts.py)."""
    if not matches:
        return set()
    pairs = [(filter_id, item) for filter_id, items in matches.items() for item in items]
    quote = database.ops.quote_name
    outbox, subscriptions, subscribers = (
        quote(model._meta.db_table) for model in (Outbox, Subscription, Subscriber)
    )
    now = timezone.now()
    with database.cursor() as cursor:
        for start in range(0, len(pairs), PAIRS_PER_INSERT):
            chunk = pairs[start : start + PAIRS_PER_INSERT]
            values = ", ".join(["(%s, %s)"] * len(chunk))
            cursor.execute(
                f"WITH pairs (filter_id, item_id) AS (VALUES {values}) "
                f"INSERT INTO {outbox} (subscription_id, item_id, status, created_at, attempts) "
                f"SELECT s.id, pairs.item_id, %s, %s, 0 FROM pairs "
                f"JOIN {subscriptions} s ON s.filter_id = pairs.filter_id "
                f"JOIN {subscribers} b ON b.id = s.subscriber_id "
                "WHERE s.confirmed_at IS NOT NULL AND b.suspended_at IS NULL "
                "ON CONFLICT DO NOTHING",
                [*(value for pair in chunk for value in pair), OutboxStatus.PENDING, now],
            )
    return set(
        Subscription.objects.filter(
            filter_id__in=list(matches),
            frequency=Frequency.IMMEDIATE,
            confirmed_at__isnull=False,
            subscriber__suspended_at__isnull=True,
        ).values_list("pk", flat=True)
    )


def sweep(now=None):
    """Match every item visible now that went live within `LOOKBACK` and was not matched in
    each of its languages; returns the immediate subscriptions owed mail."""
    now = now or timezone.now()
    owed = []
    for listing, model in MODELS.items():
        recent = model.objects.published(now).filter(publish_at__gte=now - LOOKBACK)
        matched = {}
        for item_id, language in MatchedItem.objects.filter(
            listing=listing, item_id__in=recent.values("pk")
        ).values_list("item_id", "language"):
            matched.setdefault(item_id, set()).add(language)
        pending = [
            item.pk
            for item in recent
            if set(item_languages(listing, item)) - matched.get(item.pk, set())
        ]
        if pending:
            owed += match(listing, pending, now)
    return owed
