"""Throughput of the public site under gunicorn, as a ratio to a bare Django app.

    .venv/bin/python bench/run.py            # PostgreSQL and SQLite, about 10 minutes
    .venv/bin/python bench/run.py --quick    # PostgreSQL only
    .venv/bin/python bench/run.py --items 10000   # a database of its own with 10,000 items
    .venv/bin/python bench/run.py --quick --only projects,documents   # issue 18's listings

See bench/README.md for what it measures and the latest results. Not part of the test suite.
The pieces: corpus.py (databases, seeding, the listing mix), servers.py (gunicorn, first
requests), load.py (wrk, the editing newsroom), report.py (targets, the table).
"""

import argparse
import datetime
import os
import secrets
import shutil
import subprocess
import sys
import time

import redis
from corpus import (
    DATA,
    DEFAULT_DOCUMENTS,
    DEFAULT_ITEMS,
    DEFAULT_PROJECTS,
    analyse,
    database_name,
    document_mix,
    ensure_pg_database,
    listing_mix,
    log,
    manage,
    pg_url,
    prepare,
    project_mix,
)
from load import EDITING, measure, visit_all
from report import ONE_VISITOR, machine, table, write_readme
from servers import REDIS_URL, Server, first_request


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--items",
        type=int,
        default=DEFAULT_ITEMS,
        help="news items to seed (100,000); each number has databases of its own",
    )
    parser.add_argument(
        "--projects", type=int, default=DEFAULT_PROJECTS, help="projects to seed (10,000)"
    )
    parser.add_argument(
        "--documents", type=int, default=DEFAULT_DOCUMENTS, help="documents to seed (100,000)"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (10)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--quick", action="store_true", help="PostgreSQL only")
    parser.add_argument("--no-readme", action="store_true", help="do not update bench/README.md")
    parser.add_argument(
        "--only",
        metavar="WORDS",
        help="only the scenarios whose name contains one of these comma-separated words, with "
        "the page cache on, no first requests and no README (e.g. --only mix)",
    )
    return parser.parse_args()


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)
    else:
        raise SystemExit("wrk is missing: apt-get install -y wrk")


def production_environment():
    """The production settings with a throwaway secret, outside any variable of the caller's
    that would point the servers elsewhere."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "CACHE_URL", "AWS_", "PAGE_CACHE", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="osce_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="https://www.example.org",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(DATA / "static"),
        MEDIA_ROOT=str(DATA / "media"),
        LOG_LEVEL="WARNING",
    )
    return env


def measure_bare(base_env, options, memory):
    log("[bare] Django returning a fixed HttpResponse")
    bare_env = {**base_env, "GUNICORN_WSGI_APP": "bench.bare_app:application"}
    with Server("bare", bare_env, "/") as server:
        bare = measure(server, ["/"], options)
        memory["bare Django"] = server.worker_memory_mb()
    log(f"[bare] {bare['rps']:,.0f} req/s")
    return bare


def measure_site(name, env, info, mixes, bare, options, memory):
    """Every scenario on one database, with the shared page cache on and then off."""
    mix = mixes["news"]
    scenarios = [
        ("home", ["/"]),
        ("listing", ["/news/"]),
        ("page 2000", ["/news/?page=2000"]),
        ("page 500", ["/news/?page=500"]),
        ("news item", [f"/news/{info['latest']}/"]),
        ("mix", mix),
        *((scenario, mix) for scenario in EDITING),
        # Issue 15: an uncached filtered listing's own time, without queueing behind others.
        (ONE_VISITOR, mix),
        # The JSON API on the same selections (issue 19: the listing's targets).
        ("api list", ["/api/v1/news/"]),
        ("api mix", [path.replace("/news/", "/api/v1/news/", 1) for path in mix]),
        # Issue 18: the projects' and the documents' listings, on the news' targets.
        ("projects listing", ["/projects/"]),
        ("projects mix", mixes["projects"]),
        ("documents listing", ["/documents/"]),
        ("documents mix", mixes["documents"]),
    ]
    if options.only:
        words = [word.strip() for word in options.only.split(",") if word.strip()]
        scenarios = [item for item in scenarios if any(word in item[0] for word in words)]
    rows = []
    for cache in ("on",) if options.only else ("on", "off"):
        redis.Redis.from_url(REDIS_URL).flushdb()
        server_env = {
            **env,
            "CACHE_URL": REDIS_URL,
            "PAGE_CACHE": "1" if cache == "on" else "0",
            # Every request comes from 127.0.0.1: the API's per-client limit would answer 429.
            "API_RATE_LIMIT": "off",
        }
        label = f"{name}, page cache {cache}"
        with Server(label.replace(" ", "-").replace(",", ""), server_env, "/healthz") as server:
            for scenario, paths in scenarios:
                if scenario == ONE_VISITOR and cache == "on":
                    continue
                # Warm-up: the facet index is built and, with the cache on, the pages are
                # stored (every page of the mix, once).
                if cache == "on" and len(paths) > 1:
                    visit_all(server, paths)
                result = measure(
                    server,
                    paths,
                    one_visitor(options) if scenario == ONE_VISITOR else options,
                    editor=EDITING.get(scenario),
                )
                if "saves" in result:
                    scenario = f"{scenario} ({result['saves']} saves)"
                rows.append((name, cache, scenario, result))
                log(
                    f"[{label}] {scenario}: {result['rps']:,.0f} req/s, "
                    f"p99 {result['p99']:.1f} ms, ratio {result['rps'] / bare['rps']:.3f}"
                )
            memory[label] = server.worker_memory_mb()
    return rows


def one_visitor(options):
    """The options with one connection on one thread: each request's own time."""
    return argparse.Namespace(**{**vars(options), "connections": 1, "threads": 1})


def measure_first_requests(pg_env):
    """A fresh server's first requests: without a shared cache each server builds its own
    facet index; with Redis flushed its master builds it; with Redis holding it, loads it."""
    starts = {}
    for label, env, flush in (
        ("no Redis", pg_env, False),
        ("Redis, flushed", {**pg_env, "CACHE_URL": REDIS_URL}, True),
        ("Redis, index cached", {**pg_env, "CACHE_URL": REDIS_URL}, False),
    ):
        server_label = f"first-{label.replace(' ', '-').replace(',', '')}"
        starts[label] = first_request(server_label, env, flush)
        log(f"[first request, {label}] {starts[label]}")
    return starts


def main():
    options = parse_args()
    ensure_wrk()
    DATA.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    base_env = production_environment()
    pg_database = database_name(options.items)
    ensure_pg_database(pg_database)
    databases = [("PostgreSQL", {**base_env, "DATABASE_URL": pg_url(pg_database)})]
    if not options.quick:
        sqlite_file = DATA / f"{pg_database.replace('osce_', '')}.sqlite3"
        databases.append(("SQLite", {**base_env, "DATABASE_URL": f"sqlite:///{sqlite_file}"}))
    infos = {
        name: prepare(name, env, options.items, options.projects, options.documents)
        for name, env in databases
    }
    analyse(pg_database)
    manage(databases[0][1], "collectstatic", "--no-input", "--verbosity", "0")
    info = infos["PostgreSQL"]
    mixes = {"news": listing_mix(info), "projects": project_mix(info)}
    mixes["documents"] = document_mix(info)
    mix = mixes["news"]
    (DATA / "mix.txt").write_text("\n".join(mix) + "\n")

    memory = {}
    bare = measure_bare(base_env, options, memory)
    rows = []
    for name, env in databases:
        rows += measure_site(name, env, infos[name], mixes, bare, options, memory)
    starts = {} if options.only else measure_first_requests(databases[0][1])

    workers = os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() * 2 + 1))
    settings = (
        f"gunicorn.conf.py for every server: {workers} sync workers, access log off; wrk "
        f"{options.threads} threads, {options.connections} connections, {options.duration} s "
        f"per run after a 2 s warm-up run (with the cache on, the mix's pages are first each "
        f"requested once). Redis cache; "
        f"{infos['PostgreSQL']['all']:,} news items ({infos['PostgreSQL']['published']:,} "
        f"published), {infos['PostgreSQL']['projects']:,} projects, "
        f"{infos['PostgreSQL']['documents']:,} documents. Each mix: {len(mix)} distinct "
        f"listing URLs (filters x pages x search words). Total time "
        f"{time.monotonic() - started:.0f} s. Load average (1 min) "
        f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end."
    )
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    report = (
        f"Run on {today}, {machine()}.\n\n"
        f"Command: `.venv/bin/python {' '.join(['bench/run.py', *sys.argv[1:]])}`\n\n"
        f"{table(rows, bare, memory, starts, settings, info['all'])}"
    )
    print(report)
    if not (options.no_readme or options.only):
        write_readme(report)


if __name__ == "__main__":
    main()
