"""The soak's editor: publishes, unpublishes and edits news items once a second, as an editor
would (through the models, each save a revision of its own), while `soak/run.py` loads the
site. Started by run.py with the site's environment; not for use on its own.

Every save that committed is remembered as the item's expected final state; a save the
database refused (an outage) is counted and the item's state read back once the database
answers again, as an editor reloading the page would. After each save the item's page is
fetched once: a page that does not show the save yet is counted as a stale read. At the end
the expected states are written as JSON for run.py to check against the site.
"""

import argparse
import json
import os
import random
import re
import sys
import time
import urllib.error
import urllib.request

import django

MARKER = re.compile(r" \[soak [^\]]*\]$")
DATABASE_GONE = ()


def setup():
    global DATABASE_GONE
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    django.setup()
    from django.db import InterfaceError, OperationalError

    DATABASE_GONE = (OperationalError, InterfaceError)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return None, ""


def expected_state(item):
    return {"slug": item.slug, "title": item.title, "public": item.is_published}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--site", required=True)
    parser.add_argument("--run", required=True, help="a label that makes this run's titles unique")
    parser.add_argument("--items", type=int, default=60, help="how many items to work on")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    setup()

    import reversion
    from django.db import connection, transaction
    from django.utils import timezone

    from core.publishing import Status
    from news.models import NewsItem

    rng = random.Random(args.run)
    pool = list(
        NewsItem.objects.published()
        .order_by("-issued_on", "-id")
        .values_list("pk", flat=True)[: args.items * 3]
    )
    pool = rng.sample(pool, min(args.items, len(pool)))
    expected, saves, refused, stale_reads, uncertain = {}, 0, 0, 0, set()
    deadline = time.monotonic() + args.seconds
    counter = 0
    while time.monotonic() < deadline:
        started = time.monotonic()
        counter += 1
        pk = rng.choice(pool)
        roll = rng.random()
        try:
            for stale_pk in list(uncertain):
                expected[stale_pk] = expected_state(NewsItem.objects.get(pk=stale_pk))
                uncertain.discard(stale_pk)
            with transaction.atomic(), reversion.create_revision():
                item = NewsItem.objects.select_for_update().get(pk=pk)
                if item.status == Status.DRAFT or roll < 0.1:
                    if item.status == Status.DRAFT:
                        item.status = Status.PUBLISHED
                        item.publish_at = min(item.publish_at, timezone.now())
                    else:
                        item.status = Status.DRAFT
                item.title = MARKER.sub("", item.title)[:200] + f" [soak {args.run}-{counter}]"
                item.teaser = f"Soak teaser {args.run}-{counter}."
                item.save()
                reversion.set_comment(f"soak edit {counter}")
            saves += 1
            expected[pk] = expected_state(item)
        except DATABASE_GONE:
            refused += 1
            uncertain.add(pk)
            connection.close()
        else:
            status, body = fetch(f"{args.site}/news/{item.slug}/")
            if status is not None and status != 503:
                shown = status == 200 and f"[soak {args.run}-{counter}]" in body
                if shown != expected[pk]["public"]:
                    stale_reads += 1
        time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))

    for stale_pk in list(uncertain):
        expected[stale_pk] = expected_state(NewsItem.objects.get(pk=stale_pk))
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(
            {
                "saves": saves,
                "refused": refused,
                "stale_reads": stale_reads,
                "expected": expected,
            },
            out,
        )


if __name__ == "__main__":
    main()
