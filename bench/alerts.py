"""E-mail alerts at scale: 100,000 confirmed subscriptions over 2,000 distinct filters on
PostgreSQL, mails to a local SMTP sink (aiosmtpd in a process of its own).

    .venv/bin/python bench/alerts.py              # seeds the first time, then measures
    .venv/bin/python bench/alerts.py --workers 2  # the digest sent by two processes
    .venv/bin/python bench/alerts.py --enqueue-only

Measures (targets from issue 19):
1. **enqueue**: one item published; matching it against the distinct filters, writing its
   outbox rows and enqueueing the immediate alerts' tasks (the django-tasks-db backend, as in
   production) — the work of `alerts.tasks.match_item` (target: under 2 s);
2. **daily digest**: every subscription daily, a day's items matched, then the digest run:
   every owed subscription sent one mail over SMTP, in chunks of 500 as the tasks do
   (target: under 10 minutes).

Uses the database `osce_bench_alerts` (`BENCH_POSTGRES_URL`, the server's URL or one naming a
database; never `osce_bench`): made, migrated and seeded with the taxonomy the first time;
subscriptions and items are made again on each run. Not part of the test suite.
"""

import argparse
import multiprocessing
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/osce_bench_alerts"
SUBSCRIPTIONS = 100_000
FILTERS = 2_000
DAY_ITEMS = 24


def database_url():
    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_URL)
    parts = urlsplit(url)
    if parts.path.strip("/") in ("", "osce_bench"):
        parts = parts._replace(path="/osce_bench_alerts")
    return urlunsplit(parts)


def ensure_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.strip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{name}"')
            return True
    return False


def setup_django(url, smtp_port):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osce_site.settings.dev")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.conf import settings

    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": smtp_port, "timeout": 30},
        }
    }


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_sink(port):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{port}",
            "-c",
            "aiosmtpd.handlers.Sink",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the SMTP sink did not start")


def seed(rng):
    """2,000 distinct filters (normalised as the listing does), 100,000 confirmed
    subscriptions (one address each) spread over them."""
    from django.db import connection
    from django.http import QueryDict
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from alerts.filters import normalise
    from alerts.models import (
        AlertFilter,
        Frequency,
        MatchedItem,
        Outbox,
        Subscriber,
        Subscription,
        filter_digest,
    )
    from countries.models import Country
    from news.models import FieldOfWork, NewsType
    from structures.models import Structure

    Outbox.objects.all().delete()
    MatchedItem.objects.all().delete()
    tables = ", ".join(
        model._meta.db_table for model in (Subscription, Subscriber, AlertFilter, DBTaskResult)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} CASCADE")
    fields = list(FieldOfWork.objects.values_list("slug", flat=True))
    countries = list(Country.objects.values_list("slug", flat=True))
    structures = list(Structure.objects.values_list("slug", flat=True))
    types = list(NewsType.values)
    queries = set()
    while len(queries) < FILTERS:
        params = QueryDict(mutable=True)
        if rng.random() < 0.7:
            params.setlist("field_of_work", rng.sample(fields, rng.choice([1, 1, 2])))
        if rng.random() < 0.6:
            params.setlist("country", [rng.choice(countries)])
        if rng.random() < 0.3:
            params.setlist("issued_by", [rng.choice(structures)])
        if rng.random() < 0.2:
            params.setlist("type", [rng.choice(types)])
        if rng.random() < 0.05:
            params["q"] = rng.choice(["police", "elections", "media freedom", "border"])
        queries.add(normalise("news", params, "en"))
    filters = AlertFilter.objects.bulk_create(
        [
            # bulk_create skips save(), where the digest is made.
            AlertFilter(
                listing="news",
                language="en",
                query=query,
                digest=filter_digest("news", "en", query),
            )
            for query in sorted(queries)
        ],
        batch_size=1000,
    )
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(email=f"reader{n}@bench.example") for n in range(SUBSCRIPTIONS)],
        batch_size=5000,
    )
    now = timezone.now()
    # Popular filters have many followers, most have a few (a long tail).
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(filters))]
    chosen = rng.choices(filters, weights=weights, k=SUBSCRIPTIONS)
    Subscription.objects.bulk_create(
        [
            Subscription(
                subscriber=subscriber,
                filter=alert_filter,
                frequency=Frequency.IMMEDIATE,
                confirmed_at=now,
            )
            for subscriber, alert_filter in zip(subscribers, chosen, strict=True)
        ],
        batch_size=5000,
    )
    return fields, countries, structures


def new_item(rng, fields, countries, structures, index):
    from django.utils import timezone

    from news.models import NewsItem, NewsItemIssuer
    from structures.models import Structure

    item = NewsItem.objects.create(
        title=f"Bench alert item {index} {time.time_ns()}",
        slug=f"bench-alert-{index}-{time.time_ns()}",
        teaser="A teaser of one or two sentences for the alert.",
        issued_on=timezone.localdate(),
        status="published",
        publish_at=timezone.now(),
        in_language_en=True,
    )
    from countries.models import Country
    from news.models import FieldOfWork

    item.fields_of_work.set(FieldOfWork.objects.filter(slug__in=rng.sample(fields, 2)))
    item.countries.set(Country.objects.filter(slug__in=rng.sample(countries, 2)))
    NewsItemIssuer.objects.create(
        news_item=item, structure=Structure.objects.get(slug=rng.choice(structures))
    )
    return item


def send_chunks(chunks):
    from alerts import sending

    return sum(sending.send(chunk) for chunk in chunks)


def _worker(url, port, chunks, queue):
    setup_django(url, port)
    from django.db import connection

    connection.close()
    queue.put(send_chunks(chunks))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument(
        "--enqueue-only", action="store_true", help="measure the enqueue, not the digest"
    )
    args = parser.parse_args()

    # Stopped with SIGTERM, it still stops its SMTP sink (the `finally` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    url = database_url()
    created = ensure_database(url)
    port = free_port()
    sink = start_sink(port)
    try:
        setup_django(url, port)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        from news.models import FieldOfWork

        if created or not FieldOfWork.objects.exists():
            call_command("load_taxonomy", verbosity=0)
        rng = random.Random(args.seed)
        started = time.perf_counter()
        fields, countries, structures = seed(rng)
        print(
            f"seeded {SUBSCRIPTIONS:,} subscriptions over {FILTERS:,} filters "
            f"in {time.perf_counter() - started:.1f} s"
        )
        try:
            load = os.getloadavg()
            print(f"load average before measuring: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        except OSError:
            pass

        from django_tasks_db.models import DBTaskResult

        from alerts import matching, sending, tasks
        from alerts.models import Frequency, Outbox, Subscription

        # 1. Enqueue after one publish -------------------------------------------------------
        timings = []
        for index in range(5):
            item = new_item(rng, fields, countries, structures, index)
            started = time.perf_counter()
            owed = matching.match("news", [item.pk])
            tasks.enqueue_sending(owed)
            timings.append((time.perf_counter() - started, len(owed)))
        rows = Outbox.objects.count()
        for seconds, owed in timings:
            print(f"enqueue: {seconds * 1000:.0f} ms, {owed:,} immediate subscriptions owed")
        print(f"enqueue: {rows:,} outbox rows, {DBTaskResult.objects.count():,} tasks stored")
        worst = max(seconds for seconds, _owed in timings)
        print(f"enqueue worst: {worst:.2f} s (target < 2 s)")

        if args.enqueue_only:
            return
        # 2. Daily digest ---------------------------------------------------------------------
        DBTaskResult.objects.all().delete()
        Outbox.objects.all().delete()
        Subscription.objects.update(frequency=Frequency.DAILY)
        started = time.perf_counter()
        for index in range(DAY_ITEMS):
            item = new_item(rng, fields, countries, structures, 100 + index)
            matching.match("news", [item.pk])
        print(
            f"digest: {DAY_ITEMS} items matched in {time.perf_counter() - started:.1f} s, "
            f"{Outbox.objects.count():,} outbox rows"
        )
        started = time.perf_counter()
        owed = sending.owed_subscriptions(Frequency.DAILY)
        chunks = [
            owed[start : start + tasks.SEND_CHUNK]
            for start in range(0, len(owed), tasks.SEND_CHUNK)
        ]
        if args.workers == 1:
            sent = send_chunks(chunks)
        else:
            from django.db import connections

            connections.close_all()
            queue = multiprocessing.Queue()
            processes = [
                multiprocessing.Process(
                    target=_worker, args=(url, port, chunks[n :: args.workers], queue)
                )
                for n in range(args.workers)
            ]
            for process in processes:
                process.start()
            sent = sum(queue.get() for _ in processes)
            for process in processes:
                process.join()
        seconds = time.perf_counter() - started
        print(
            f"digest: {sent:,} mails to {len(owed):,} owed subscriptions in {seconds:.1f} s "
            f"({sent / seconds:.0f} mails/s, {args.workers} worker(s); target < 600 s)"
        )
        left = Outbox.objects.filter(status="pending").count()
        print(f"digest: {left:,} outbox rows still pending afterwards")
    finally:
        sink.terminate()
        sink.wait()


if __name__ == "__main__":
    main()
