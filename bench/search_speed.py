"""How fast `/news/?q=…` answers with two filters, on whatever DATABASE_URL points at.

Not a test: a measurement for issue 4's targets (median under 50 ms on PostgreSQL and under
100 ms on SQLite with 100,000 items). Each request is distinct, so no page cache can help;
the facet index is warmed once first, as it is in steady state. The ranked ids of a search
are shared for a while by every filter combination and page (news.listing.selection), so the
first request for each search is reported separately.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/search_speed.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/osce_bench \\
        .venv/bin/python bench/search_speed.py

Fill the database first with `manage.py migrate` and `manage.py seed_demo --news 100000 --seed 1`.
"""

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osce_site.settings.dev")
os.environ.setdefault("DEBUG", "0")
os.environ["PAGE_CACHE"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from countries.models import Country  # noqa: E402
from news.models import FieldOfWork, NewsItem, NewsType  # noqa: E402
from structures.models import Structure  # noqa: E402

WORDS = [
    "training",
    "election",
    "police",
    "media freedom",
    "border",
    "youth",
    "-police trafficking",
]


def urls(limit):
    fields = list(FieldOfWork.objects.values_list("slug", flat=True))
    countries = list(Country.objects.values_list("slug", flat=True)[:20])
    structures = list(Structure.objects.filter(parent__isnull=True).values_list("slug", flat=True))
    types = list(NewsType.values)
    pairs = [
        ("field_of_work", fields, "country", countries),
        ("issued_by", structures, "type", types),
        ("country", countries, "type", types),
        ("field_of_work", fields, "issued_by", structures),
    ]
    combos = itertools.cycle(
        (word, a, va, b, vb)
        for word in WORDS
        for a, avalues, b, bvalues in pairs
        for va, vb in zip(avalues, bvalues * 3, strict=False)
    )
    for word, a, va, b, vb in itertools.islice(combos, limit):
        yield f"/news/?q={word}&{a}={va}&{b}={vb}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    total = NewsItem.objects.published().count()
    client.get("/news/")  # builds the facet index once, as the first visitor would
    timings, first_timings, seen = [], [], set()
    for url in urls(args.requests):
        words = url.split("&")[0]
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        (timings if words in seen else first_timings).append(elapsed)
        seen.add(words)
    timings.sort()
    print(
        f"{connection.vendor}: {total} published items, {len(timings)} distinct searches "
        f"with two filters: median {statistics.median(timings):.1f} ms, "
        f"p90 {timings[int(len(timings) * 0.9)]:.1f} ms, max {timings[-1]:.1f} ms; "
        f"first request of each of {len(first_timings)} searches: "
        f"median {statistics.median(first_timings):.1f} ms, max {max(first_timings):.1f} ms"
    )


if __name__ == "__main__":
    main()
