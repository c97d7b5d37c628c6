"""Throughput of the public site under gunicorn, as a ratio to a bare Django app.

    .venv/bin/python bench/run.py            # PostgreSQL and SQLite, about 10 minutes
    .venv/bin/python bench/run.py --quick    # PostgreSQL only
    .venv/bin/python bench/run.py --items 10000   # a database of its own with 10,000 items

See bench/README.md for what it measures and the latest results. Not part of the test suite.
"""

import argparse
import datetime
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATA = Path(os.environ.get("BENCH_DATA_DIR", "/var/tmp/osce-bench"))
PG_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
DEFAULT_ITEMS = 100_000
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
PORTS = range(8650, 8700)
SEARCH_WORDS = [
    "election",
    "police",
    "training",
    "border",
    "media freedom",
    "journalists",
    "water",
    "youth",
    "trafficking",
    "cyber",
    "gender",
    "Ministerial Council",
    "human rights",
    "mines",
    "roma",
]
MIX_SIZE = 1000
# Issue 6's targets, as ratios to the bare app (PostgreSQL, 100,000 items).
TARGETS = {
    ("on", "mix"): 0.10,
    ("on", "home"): 0.50,
    ("on", "listing"): 0.50,
    ("on", "page 2000"): 0.05,
    ("on", "news item"): 0.20,
    ("off", "mix"): 0.03,
}
P99_LIMIT_MS = 100
RSS_LIMIT_MB = 150
# The newsroom at work (bench/editor.py): scenario -> (which item, seconds between saves).
EDITING = {
    "mix, an item edited every 5 s": ("published", 5),
    "mix, a draft saved every 1 s": ("draft", 1),
}
# Issue 15's targets: the first /news/ of a fresh server, and the uncached item and home pages.
FIRST_REQUEST_LIMIT_MS = 500
TARGETS |= {("off", "news item"): 0.15, ("off", "home"): 0.10}


def log(message):
    print(message, file=sys.stderr, flush=True)  # noqa: T201 - a command-line tool


# --- Data --------------------------------------------------------------------------------------


def pg_url(database):
    return f"{PG_SERVER.rstrip('/')}/{database}"


def database_name(items):
    """Each size of corpus has its own databases (`osce_bench` holds the default 100,000), so
    that a run with other `--items` neither reseeds nor measures another run's data."""
    return "osce_bench" if items == DEFAULT_ITEMS else f"osce_bench_{items}"


def ensure_pg_database(name):
    with psycopg.connect(pg_url("postgres"), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args, capture=False):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


INFO_CODE = """
import json
from countries.models import Country
from news.models import FieldOfWork, NewsItem, NewsType
from structures.models import Structure
published = NewsItem.objects.published().order_by("-issued_on", "-id")
print(json.dumps({
    "all": NewsItem.objects.count(),
    "published": published.count(),
    "fields": list(FieldOfWork.objects.values_list("slug", flat=True)),
    "countries": list(Country.objects.values_list("slug", flat=True)),
    "structures": list(Structure.objects.values_list("slug", flat=True)),
    "types": list(NewsType.values),
    "latest": published.values_list("slug", flat=True).first(),
}))
"""


def prepare(name, env, items):
    """Migrate, and seed `items` news items unless the database already holds them."""
    log(f"[{name}] migrating")
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    info = json.loads(manage(env, "shell", "--verbosity", "0", "-c", INFO_CODE).splitlines()[-1])
    if info["all"] < items:
        log(f"[{name}] seeding {items:,} news items (once; reused by later runs)")
        started = time.monotonic()
        manage(env, "load_taxonomy", "--verbosity", "0")
        manage(env, "seed_demo", "--news", str(items), "--seed", "1", "--verbosity", "0")
        log(f"[{name}] seeded in {time.monotonic() - started:.0f} s")
        info = json.loads(
            manage(env, "shell", "--verbosity", "0", "-c", INFO_CODE).splitlines()[-1]
        )
    log(f"[{name}] {info['all']:,} news items, {info['published']:,} published")
    return info


def listing_mix(info, size=MIX_SIZE, seed=2026):
    """`size` distinct listing URLs: filter combinations x pages x search words."""
    rng = random.Random(seed)
    facets = {
        "field_of_work": info["fields"],
        "country": info["countries"],
        "issued_by": info["structures"],
        "type": info["types"],
    }
    urls = set()
    while len(urls) < size:
        params = []
        for name in rng.sample(list(facets), rng.choice([0, 1, 1, 2, 2, 3])):
            values = rng.sample(
                facets[name], 2 if name == "field_of_work" and rng.random() < 0.3 else 1
            )
            params += [(name, value) for value in values]
        if rng.random() < 0.2:
            start = rng.randint(2005, 2023)
            params += [
                ("date_from", f"{start}-01-01"),
                ("date_to", f"{start + rng.randint(0, 3)}-12-31"),
            ]
        if rng.random() < 0.25:
            params.append(("q", rng.choice(SEARCH_WORDS)))
        page = rng.choice([1, 1, 1, 1, 2, 2, 3])
        if page > 1:
            params.append(("page", str(page)))
        query = urllib.parse.urlencode(params)
        urls.add(f"/news/?{query}" if query else "/news/")
    return sorted(urls)


# --- Servers -----------------------------------------------------------------------------------


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit("no free port in 8650-8699")


def fetch_status(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Server:
    def __init__(self, label, env, ready_path):
        self.label = label
        self.port = free_port()
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_ACCESS_LOG": "0"}
        self.ready_path = ready_path
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.log = open(DATA / f"gunicorn-{self.label}.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch_status(self.base + self.ready_path) == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{self.label}: gunicorn did not start; see {self.log.name}")
            time.sleep(0.2)

    def __exit__(self, *exc_info):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def worker_memory_mb(self):
        """The largest resident set (RSS) and proportional set (PSS) among the workers."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        rss = pss = 0.0
        for pid in children.read_text().split():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except FileNotFoundError:  # a worker that exited meanwhile
                continue
            resident = re.search(r"VmRSS:\s+(\d+)", status)
            if resident is None:  # a worker being reaped has no memory left to report
                continue
            rss = max(rss, int(resident.group(1)) / 1024)
            rollup = Path(f"/proc/{pid}/smaps_rollup")
            if rollup.exists():
                found = re.search(r"Pss:\s+(\d+)", rollup.read_text())
                if found:
                    pss = max(pss, int(found.group(1)) / 1024)
        return rss, pss


@contextmanager
def editing(env, kind, every):
    """bench/editor.py saving a `kind` news item every `every` seconds, for the block's
    duration; yields a dict that holds the number of saves afterwards."""
    process = subprocess.Popen(
        [sys.executable, str(BENCH / "editor.py"), kind, str(every)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    if process.stdout.readline().strip() != "ready":
        process.kill()
        raise SystemExit(f"bench/editor.py {kind} did not start")
    done = {}
    try:
        yield done
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
        found = re.search(r"saves (\d+)", output)
        done["saves"] = int(found.group(1)) if found else 0


def first_request(label, env, flush_redis):
    """Start gunicorn, wait until it answers, time the first `/news/` and the slowest of the
    next few (each possibly a worker's first): (seconds to start, first ms, slowest ms)."""
    if flush_redis:
        redis.Redis.from_url(REDIS_URL).flushdb()
    started = time.monotonic()
    with Server(label, env, "/healthz") as server:
        ready = time.monotonic() - started
        times = []
        for _ in range(10):
            began = time.monotonic()
            status = fetch_status(server.base + "/news/")
            times.append((time.monotonic() - began) * 1000)
            if status != 200:
                raise SystemExit(f"{label}: /news/ answered {status}")
    return ready, times[0], max(times)


def wrk(base, paths, duration, connections, threads):
    path_file = DATA / "paths.txt"
    path_file.write_text("\n".join(paths) + "\n")
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(BENCH / "paths.lua"),
            base,
            "--",
            str(path_file),
        ],
        capture_output=True,
        text=True,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"wrk failed:\n{result.stdout}\n{result.stderr}")
    data = json.loads(lines[-1])
    seconds = data["duration_us"] / 1e6
    return {
        "rps": data["requests"] / seconds,
        "p50": data["p50_us"] / 1000,
        "p99": data["p99_us"] / 1000,
        "bad": data["bad_status"],
        "errors": data["socket_errors"],
        "requests": data["requests"],
    }


# --- Report ------------------------------------------------------------------------------------


def machine():
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        if found:
            cpu = found.group(1).strip()
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f", {kilobytes / 1024 / 1024:.0f} GiB RAM"
    return f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}"


def verdict(ok):
    return "yes" if ok else "**NO**"


def table(rows, bare, memory, starts, settings):
    lines = [
        "| database | page cache | scenario | req/s | p50 ms | p99 ms | ratio to bare | "
        "non-2xx | target met |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
        f"| – | – | bare Django (ceiling) | {bare['rps']:,.0f} | {bare['p50']:.1f} | "
        f"{bare['p99']:.1f} | 1.000 | {bare['bad']} | |",
    ]
    for database, cache, scenario, result in rows:
        ratio = result["rps"] / bare["rps"]
        target = TARGETS.get((cache, scenario)) if database == "PostgreSQL" else None
        checks = []
        if target is not None:
            checks.append(f"≥ {target:.2f}: {verdict(ratio >= target)}")
        if database == "PostgreSQL" and (cache, scenario) == ("on", "mix"):
            checks.append(f"p99 < {P99_LIMIT_MS} ms: {verdict(result['p99'] < P99_LIMIT_MS)}")
        lines.append(
            f"| {database} | {cache} | {scenario} | {result['rps']:,.0f} | {result['p50']:.1f} | "
            f"{result['p99']:.1f} | {ratio:.3f} | {result['bad']} | {'; '.join(checks)} |"
        )
    lines.append("")
    lines.append("Memory per worker at the end of each server's runs (largest worker):")
    lines.append("")
    lines.append("| server | RSS MB | PSS MB | RSS < 150 MB |")
    lines.append("|---|---:|---:|---|")
    for label, (rss, pss) in memory.items():
        lines.append(f"| {label} | {rss:.0f} | {pss:.0f} | {verdict(rss < RSS_LIMIT_MB)} |")
    lines.append("")
    lines.append(
        "First requests of a freshly started server (PostgreSQL, page cache as in production; "
        "the slowest of the first ten `/news/` is likely some worker's first):"
    )
    lines.append("")
    lines.append(
        f"| server | start to ready s | first /news/ ms | slowest of first 10 ms | "
        f"< {FIRST_REQUEST_LIMIT_MS} ms |"
    )
    lines.append("|---|---:|---:|---:|---|")
    for label, (ready, first, slowest) in starts.items():
        ok = verdict(slowest < FIRST_REQUEST_LIMIT_MS)
        lines.append(f"| {label} | {ready:.1f} | {first:.0f} | {slowest:.0f} | {ok} |")
    lines.append("")
    lines.append(settings)
    return "\n".join(lines)


def write_readme(text):
    readme = BENCH / "README.md"
    content = readme.read_text()
    start, end = "<!-- results -->", "<!-- /results -->"
    before, _old, after = content.partition(start)
    _old_results, _marker, after = after.partition(end)
    readme.write_text(f"{before}{start}\n{text}\n{end}{after}")


# --- Main --------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--items",
        type=int,
        default=DEFAULT_ITEMS,
        help="news items to seed (100,000); each number has databases of its own",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (10)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--quick", action="store_true", help="PostgreSQL only")
    parser.add_argument("--no-readme", action="store_true", help="do not update bench/README.md")
    options = parser.parse_args()

    if not shutil.which("wrk"):
        if os.geteuid() == 0 and shutil.which("apt-get"):
            subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)
        else:
            raise SystemExit("wrk is missing: apt-get install -y wrk")
    DATA.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    base_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "CACHE_URL", "AWS_", "PAGE_CACHE", "GUNICORN_"))
    }
    base_env.update(
        DJANGO_SETTINGS_MODULE="osce_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="https://www.example.org",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(DATA / "static"),
        MEDIA_ROOT=str(DATA / "media"),
        LOG_LEVEL="WARNING",
    )
    pg_database = database_name(options.items)
    ensure_pg_database(pg_database)
    databases = [("PostgreSQL", {**base_env, "DATABASE_URL": pg_url(pg_database)})]
    if not options.quick:
        sqlite_file = DATA / f"{pg_database.replace('osce_', '')}.sqlite3"
        databases.append(("SQLite", {**base_env, "DATABASE_URL": f"sqlite:///{sqlite_file}"}))
    infos = {name: prepare(name, env, options.items) for name, env in databases}
    # Planner statistics and the visibility map, as autovacuum keeps them in production (it
    # may be off on a test server, and a bulk load leaves the tables unanalysed).
    with psycopg.connect(pg_url(pg_database), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    manage(databases[0][1], "collectstatic", "--no-input", "--verbosity", "0")
    mix = listing_mix(infos["PostgreSQL"])
    (DATA / "mix.txt").write_text("\n".join(mix) + "\n")
    run = {"duration": options.duration, "connections": options.connections}

    def measure(server, paths, warmup, editor=None):
        """A warm-up run, then the measured run (with `editor` saving meanwhile, if given)."""
        wrk(server.base, paths, warmup, options.connections, options.threads)
        with editing(server.env, *editor) if editor else nullcontext({}) as edits:
            result = wrk(server.base, paths, options.duration, options.connections, options.threads)
        return {**result, **edits}

    def visit_all(server, paths):
        """One request for every path, four at a time: with the page cache on, the steady
        state of a site whose visitors have asked for these pages before."""
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda path: fetch_status(server.base + path), paths))

    log("[bare] Django returning a fixed HttpResponse")
    bare_env = {**base_env, "GUNICORN_WSGI_APP": "bench.bare_app:application"}
    memory = {}
    with Server("bare", bare_env, "/") as server:
        bare = measure(server, ["/"], 2)
        memory["bare Django"] = server.worker_memory_mb()
    log(f"[bare] {bare['rps']:,.0f} req/s")

    rows = []
    for name, env in databases:
        info = infos[name]
        scenarios = [
            ("home", ["/"]),
            ("listing", ["/news/"]),
            ("page 2000", ["/news/?page=2000"]),
            ("page 500", ["/news/?page=500"]),
            ("news item", [f"/news/{info['latest']}/"]),
            ("mix", mix),
            *((scenario, mix) for scenario in EDITING),
        ]
        for cache in ("on", "off"):
            redis.Redis.from_url(REDIS_URL).flushdb()
            server_env = {
                **env,
                "CACHE_URL": REDIS_URL,
                "PAGE_CACHE": "1" if cache == "on" else "0",
            }
            label = f"{name}, page cache {cache}"
            with Server(label.replace(" ", "-").replace(",", ""), server_env, "/healthz") as server:
                for scenario, paths in scenarios:
                    # Warm-up: the facet index is built and, with the cache on, the pages
                    # are stored (every page of the mix, once).
                    if cache == "on" and len(paths) > 1:
                        visit_all(server, paths)
                    result = measure(server, paths, 2, EDITING.get(scenario))
                    if "saves" in result:
                        scenario = f"{scenario} ({result['saves']} saves)"
                    rows.append((name, cache, scenario, result))
                    log(
                        f"[{label}] {scenario}: {result['rps']:,.0f} req/s, "
                        f"p99 {result['p99']:.1f} ms, ratio {result['rps'] / bare['rps']:.3f}"
                    )
                memory[label] = server.worker_memory_mb()

    # A fresh server's first requests: without a shared cache each server builds its own
    # facet index; with Redis flushed its master builds it; with Redis holding it, loads it.
    pg_env = databases[0][1]
    starts = {}
    for label, env, flush in (
        ("no Redis", pg_env, False),
        ("Redis, flushed", {**pg_env, "CACHE_URL": REDIS_URL}, True),
        ("Redis, index cached", {**pg_env, "CACHE_URL": REDIS_URL}, False),
    ):
        starts[label] = first_request(
            f"first-{label.replace(' ', '-').replace(',', '')}", env, flush
        )
        log(f"[first request, {label}] {starts[label]}")

    workers = os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() * 2 + 1))
    settings = (
        f"gunicorn.conf.py for every server: {workers} sync workers, access log off; wrk "
        f"{options.threads} threads, {run['connections']} connections, {run['duration']} s per "
        f"run after a 2 s warm-up run (with the cache on, the mix's pages are first each "
        f"requested once). Redis cache; "
        f"{infos['PostgreSQL']['all']:,} news items ({infos['PostgreSQL']['published']:,} "
        f"published). The mix: {len(mix)} distinct listing URLs (filters x pages x search "
        f"words). Total time {time.monotonic() - started:.0f} s. Load average (1 min) "
        f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end."
    )
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    report = (
        f"Run on {today}, {machine()}.\n\n"
        f"Command: `.venv/bin/python {' '.join(['bench/run.py', *sys.argv[1:]])}`\n\n"
        f"{table(rows, bare, memory, starts, settings)}"
    )
    print(report)  # noqa: T201 - a command-line tool
    if not options.no_readme:
        write_readme(report)


if __name__ == "__main__":
    main()
