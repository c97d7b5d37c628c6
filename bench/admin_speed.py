"""How fast the admin's changelists answer at 100,000 items (issue 16's target: < 300 ms median).

    .venv/bin/python bench/admin_speed.py              # osce_bench (bench/run.py seeds it)
    .venv/bin/python bench/admin_speed.py --runs 9 --no-readme

Runs in this process with the Django test client signed in as a publisher, on the benchmark's
PostgreSQL database (`BENCH_POSTGRES_URL`/osce_bench, 100,000 items; run bench/run.py once to
seed it), production settings but a local memory cache and no second factor. Each URL is
requested once to warm up, then `--runs` times; the table gives the median and the slowest
time, the number of queries and the slowest query. Writes the table into bench/README.md.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
os.environ.update(
    DJANGO_SETTINGS_MODULE="osce_site.settings.prod",
    DATABASE_URL=f"{PG_SERVER.rstrip('/')}/osce_bench",
    SECRET_KEY="admin-speed-bench-" + "x" * 40,
    ALLOWED_HOSTS="testserver",
    SECURE_SSL_REDIRECT="0",
    OTP_REQUIRED="0",
    LOG_LEVEL="ERROR",
    STATIC_ROOT=os.environ.get("BENCH_DATA_DIR", "/var/tmp/osce-bench") + "/static",
)
os.environ.pop("CACHE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from news.models import FieldOfWork, NewsItem  # noqa: E402
from website.roles import PUBLISHER  # noqa: E402

TARGET_MS = 300
RESULTS_START, RESULTS_END = "<!-- admin-results -->", "<!-- /admin-results -->"


def scenarios():
    field = FieldOfWork.objects.order_by("pk").values_list("pk", flat=True).first()
    item = NewsItem.objects.order_by("-pk").values_list("pk", flat=True).first()
    news = "/admin/news/newsitem/"
    return [
        ("dashboard (admin index)", "/admin/"),
        ("news, page 1", news),
        ("news, page 1,000", f"{news}?p=1000"),
        ("news, live only", f"{news}?state=live"),
        ("news, drafts", f"{news}?state=draft"),
        ("news, in Russian", f"{news}?language=ru"),
        ("news, one type", f"{news}?type__exact=press-release"),
        ("news, one field of work", f"{news}?fields_of_work__id__exact={field}"),
        ("news, sorted by title", f"{news}?o=1"),
        ("news, sorted by issued on", f"{news}?o=-5"),
        ("news, one year", f"{news}?issued_on__year=2020"),
        ("news, search one word", f"{news}?q=police"),
        ("news, search two words", f"{news}?q=border+training"),
        ("news, search an acronym", f"{news}?q=ODIHR"),
        ("news, not yet in Russian", f"{news}?missing=ru"),
        ("news, ?_facets (no counts now)", f"{news}?_facets=True"),
        ("news, change form", f"{news}{item}/change/"),
        ("meetings, page 1", "/admin/news/meeting/"),
    ]


def publisher_client():
    call_command("migrate", verbosity=0)  # the corpus may predate the latest migrations
    call_command("collectstatic", interactive=False, verbosity=0)  # the pages' hashed names
    call_command("setup_roles", verbosity=0)
    from django.contrib.auth.models import Group, User

    user, _ = User.objects.get_or_create(
        username="bench-publisher", defaults={"is_staff": True, "email": "bench@example.org"}
    )
    user.groups.add(Group.objects.get(name=PUBLISHER))
    client = Client()
    client.force_login(user)
    return client


def measure(client, url, runs):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times, slowest_query, queries = [], 0.0, 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
        slowest_query = max(
            [slowest_query, *(float(q["time"]) * 1000 for q in captured.captured_queries)]
        )
    return statistics.median(times), max(times), queries, slowest_query


def table(rows, runs):
    lines = [
        f"| changelist | median ms | slowest ms | queries | slowest query ms | < {TARGET_MS} ms |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, (median, slowest, queries, query_ms) in rows:
        ok = "yes" if median < TARGET_MS else "**NO**"
        lines.append(
            f"| {name} | {median:.0f} | {slowest:.0f} | {queries} | {query_ms:.0f} | {ok} |"
        )
    count = NewsItem.objects.count()
    load = os.getloadavg()[0]
    lines += [
        "",
        f"{count:,} news items on PostgreSQL; {runs} runs per URL after one warm-up, in one "
        f"process with the test client (no HTTP server), signed in as a publisher. "
        f"Load average (1 min) at the end: {load:.1f} on {os.cpu_count()} cores.",
    ]
    return "\n".join(lines)


def write_readme(text):
    readme = ROOT / "bench" / "README.md"
    content = readme.read_text()
    if RESULTS_START not in content:
        content += (
            f"\n## The admin at 100,000 items\n\n`.venv/bin/python bench/admin_speed.py`\n\n"
            f"{RESULTS_START}\n{RESULTS_END}\n"
        )
    before, _, rest = content.partition(RESULTS_START)
    _, _, after = rest.partition(RESULTS_END)
    readme.write_text(f"{before}{RESULTS_START}\n{text}\n{RESULTS_END}{after}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="run the scenarios whose name contains this")
    parser.add_argument("--no-readme", action="store_true")
    options = parser.parse_args()
    client = publisher_client()
    rows = []
    for name, url in scenarios():
        if options.only and options.only not in name:
            continue
        rows.append((name, measure(client, url, options.runs)))
        median, slowest, queries, query_ms = rows[-1][1]
        print(f"{name}: median {median:.0f} ms, {queries} queries, slowest query {query_ms:.0f}")
    text = table(rows, options.runs)
    print(text)
    if not options.no_readme and not options.only:
        write_readme(text)


if __name__ == "__main__":
    main()
