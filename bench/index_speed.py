"""How long the news facet index takes to build, how much it holds, and how long one publish
takes to reach it (issue 15: "< 100 ms to be current" at 1,000,000 items).

    .venv/bin/python bench/index_speed.py                    # osce_bench (100,000 items)
    .venv/bin/python bench/index_speed.py --items 1000000    # osce_bench_1000000

Runs in this process on a benchmark database seeded by bench/run.py (production settings, a
local memory cache). One draft is published through `news.services.publish` and then put
back as it was; "to be current" is what a worker does on its next request after the listing
state moved: read the changed item's rows and apply the delta to its copy
(`FacetIndex.caught_up`), timed over `--publishes` different drafts.
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from corpus import database_name, pg_url  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--publishes", type=int, default=5)
    return parser.parse_args()


def setup(items):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="osce_site.settings.prod",
        DATABASE_URL=pg_url(database_name(items)),
        SECRET_KEY="index-speed-bench-" + "x" * 40,
        ALLOWED_HOSTS="testserver",
        LOG_LEVEL="ERROR",
    )
    os.environ.pop("CACHE_URL", None)
    import django

    django.setup()


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    options = parse_args()
    setup(options.items)
    from django.utils import timezone

    from core.publishing import Status
    from news.listing.definition import NEWS
    from news.listing.index import build_index
    from news.models import NewsItem
    from news.services import publish

    before = rss_mb()
    started = time.monotonic()
    index = build_index("bench", version=0, listing=NEWS)
    built = time.monotonic() - started
    held = sum((bitset.bit_length() + 7) // 8 for bitset in index.bits.values())
    print(
        f"{index.size:,} published items, {len(index.bits)} bitsets: built in {built:.1f} s; "
        f"bitsets {held / 2**20:.0f} MB, ids and dates {index.size * 16 / 2**20:.0f} MB; "
        f"peak RSS {before:.0f} -> {rss_mb():.0f} MB"
    )
    drafts = list(
        NewsItem.objects.filter(status=Status.DRAFT, publish_at__lte=timezone.now()).order_by("pk")[
            : options.publishes
        ]
    )
    timings = []
    for version, draft in enumerate(drafts, start=1):
        kept = NewsItem.objects.filter(pk=draft.pk).values("status", "publish_at").get()
        publish(draft)
        try:
            started = time.monotonic()
            current = index.caught_up("bench", version, {draft.pk})
            timings.append((time.monotonic() - started) * 1000)
            assert draft.pk in current.ids, "the published draft is not in the index"
        finally:
            NewsItem.objects.filter(pk=draft.pk).update(**kept)
    print(
        f"one publish to a current index: median {statistics.median(timings):.0f} ms, "
        f"slowest {max(timings):.0f} ms over {len(timings)} publishes (target < 100 ms)"
    )


if __name__ == "__main__":
    main()
