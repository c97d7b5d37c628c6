"""Soak test: the production stack under load for N minutes while an editor works.

    .venv/bin/python soak/run.py --minutes 10
    .venv/bin/python soak/run.py --minutes 3 --outage postgres   # PostgreSQL restarted midway
    .venv/bin/python soak/run.py --minutes 3 --outage redis      # Redis stopped midway

gunicorn (production settings, PostgreSQL, Redis) serves 127.0.0.1; `wrk` requests a mix of
pages, filtered listings, feeds and searches; soak/editor.py publishes, unpublishes and edits
items once a second. At the end the script checks every edited item's page against the
editor's last committed save and prints the figures (README, "Soak test"):

- 5xx responses (none allowed but the 503s of a deliberate outage);
- lost edits: a committed save the database or the site does not show at the end (none);
- worker memory: each worker's RSS after warm-up and at the end (growth under 10%);
- with --outage: what visitors got while the service was down and how long the site took to
  answer normally again after it came back.

It exits non-zero when a figure is out of bounds. Not part of the test suite.

--outage postgres restarts the PostgreSQL cluster the site uses, with pg_ctlcluster, so run it
only on a machine of your own. Redis: the script starts its own on --redis-port unless one
answers there, and stops and restarts it for --outage redis. Stopping the shared Redis on 6379
disturbs whatever else uses it, so prefer a port of its own.
"""

import argparse
import datetime
import json
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
from dj_database_url import parse as parse_database_url

ROOT = Path(__file__).resolve().parent.parent
SOAK = ROOT / "soak"
PYTHON = sys.executable
SEARCHES = ["police", "election", "training border", "media freedom", "youth", "water", "roma"]
MAX_RSS_GROWTH = 0.10
MAX_RECOVERY_SECONDS = 15


def log(message):
    stamp = datetime.datetime.now().strftime("%H:%M:%S")  # noqa: DTZ005 - console time
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)  # noqa: T201 - a command-line tool


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--outage", choices=["none", "postgres", "redis"], default="none")
    parser.add_argument("--port", type=int, default=8700, help="where gunicorn listens")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16, help="wrk's open connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("SOAK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/osce_soak"),
    )
    parser.add_argument(
        "--pg-cluster",
        default=os.environ.get("SOAK_PG_CLUSTER", "main"),
        help="the pg_ctlcluster name of the cluster behind --database-url (for --outage)",
    )
    parser.add_argument(
        "--redis-port", type=int, default=int(os.environ.get("SOAK_REDIS_PORT", "8779"))
    )
    parser.add_argument("--news", type=int, default=5000, help="demo news items to seed")
    parser.add_argument("--report", type=Path, help="also write the figures here as JSON")
    return parser.parse_args()


# --- Services ----------------------------------------------------------------------------------


def redis_answers(port):
    return (
        subprocess.run(
            ["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True
        ).stdout.strip()
        == "PONG"
    )


def start_redis(port):
    """The command the README gives operators (persistence off: it is a cache)."""
    data = Path("/var/lib/redis") if port == 6379 else Path(f"/var/tmp/osce-soak-redis-{port}")
    data.mkdir(parents=True, exist_ok=True)
    logfile = "/var/log/redis/ci.log" if port == 6379 else str(data / "redis.log")
    subprocess.run(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "-::1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(data),
            "--logfile",
            logfile,
        ],
        check=True,
    )
    for _ in range(100):
        if redis_answers(port):
            return
        time.sleep(0.05)
    raise RuntimeError(f"Redis did not start on port {port}")


def stop_redis(port):
    subprocess.run(["redis-cli", "-p", str(port), "shutdown", "nosave"], capture_output=True)
    for _ in range(100):
        if not redis_answers(port):
            return
        time.sleep(0.05)


def pg_version():
    return sorted(os.listdir("/etc/postgresql"))[-1]


def restart_postgres(cluster):
    started = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), cluster, "restart"],
        check=True,
    )
    return time.monotonic() - started


def ensure_postgres_running(cluster):
    status = subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), cluster, "status"],
        capture_output=True,
    )
    if status.returncode != 0:
        log(f"PostgreSQL cluster {cluster} is down: starting it")
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), cluster, "start"],
            check=True,
        )


def connect(database_url, dbname=None):
    config = parse_database_url(database_url)
    return psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname=dbname or config["NAME"],
        autocommit=True,
        connect_timeout=5,
    )


def ensure_database(database_url):
    name = parse_database_url(database_url)["NAME"]
    with connect(database_url, dbname="postgres") as server:
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            server.execute(f'CREATE DATABASE "{name}"')


# --- The site ----------------------------------------------------------------------------------


def site_environment(args):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="osce_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{args.port}",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=args.database_url,
        CACHE_URL=f"redis://127.0.0.1:{args.redis_port}/0",
        LOG_LEVEL="WARNING",
        GUNICORN_BIND=f"127.0.0.1:{args.port}",
        GUNICORN_WORKERS=str(args.workers),
        # No recycling: a leak must show in the memory figures, not be hidden by restarts.
        GUNICORN_MAX_REQUESTS="0",
        GUNICORN_ACCESS_LOG="0",
    )
    return environment


def manage(environment, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=environment, check=True)


def prepare_data(args, environment):
    ensure_database(args.database_url)
    log("Migrating, loading the taxonomy and roles, collecting static files")
    manage(environment, "migrate", "--verbosity", "0")
    manage(environment, "setup_roles", "--verbosity", "0")
    manage(environment, "collectstatic", "--noinput", "--verbosity", "0")
    with connect(args.database_url) as db:
        count = db.execute("SELECT count(*) FROM news_newsitem").fetchone()[0]
    if count < args.news:
        log(f"Seeding {args.news} demo news items")
        manage(environment, "seed_demo", "--news", str(args.news), "--verbosity", "0")


def request_mix(args):
    """Pages, filtered listings, feeds and searches, in the proportions of a public site."""
    with connect(args.database_url) as db:

        def slugs(sql):
            return [row[0] for row in db.execute(sql).fetchall()]

        news = slugs(
            "SELECT slug FROM news_newsitem WHERE status = 'published' AND publish_at <= now() "
            "AND (expire_at IS NULL OR expire_at > now()) ORDER BY issued_on DESC LIMIT 300"
        )
        fields = slugs("SELECT slug FROM news_fieldofwork")
        countries = slugs("SELECT slug FROM countries_country LIMIT 60")
        structures = slugs("SELECT slug FROM structures_structure LIMIT 60")
        meetings = slugs(
            "SELECT slug FROM news_meeting WHERE status = 'published' AND publish_at <= now() "
            "AND (expire_at IS NULL OR expire_at > now()) LIMIT 40"
        )
        series = slugs("SELECT slug FROM news_meetingtype")
    rng = random.Random(7)
    paths = [
        "/",
        "/news/",
        "/news/?page=2",
        "/news/feed/",
        "/meetings/",
        "/fields-of-work/",
        "/countries/",
        "/structures/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    paths += [f"/news/{slug}/" for slug in news]
    paths += [f"/fields-of-work/{slug}/" for slug in fields]
    paths += [f"/countries/{slug}/" for slug in countries]
    paths += [f"/structures/{slug}/" for slug in structures]
    paths += [f"/meetings/{slug}/" for slug in meetings]
    paths += [f"/meetings/?type={slug}" for slug in series]
    for _ in range(150):
        query = {"field_of_work": rng.choice(fields)}
        if rng.random() < 0.5:
            query["country"] = rng.choice(countries)
        if rng.random() < 0.3:
            query["issued_by"] = rng.choice(structures)
        if rng.random() < 0.3:
            query["date_from"] = f"{rng.randint(2005, 2024)}-01-01"
        if len(query) == 1 and rng.random() < 0.3:
            query["page"] = "2"  # narrower filters may have one page only: 404 past the end
        paths.append("/news/?" + urllib.parse.urlencode(query))
        if rng.random() < 0.2:
            paths.append("/news/feed/?" + urllib.parse.urlencode(query))
    for word in SEARCHES:
        paths.append("/search/?" + urllib.parse.urlencode({"q": word}))
        paths.append("/news/?" + urllib.parse.urlencode({"q": word}))
        paths.append("/news/?" + urllib.parse.urlencode({"q": word, "sort": "newest"}))
    return paths


def fetch(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except OSError:
        return None, ""


def start_gunicorn(args, environment, logfile):
    process = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=environment,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(300):
        if fetch(f"http://127.0.0.1:{args.port}/healthz", timeout=2)[0] == 200:
            return process
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited; see " + logfile.name)
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz")


def stop_gunicorn(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def worker_rss(master_pid):
    """`{pid: resident KiB}` of the master's worker processes."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    result = {}
    for pid in children.read_text().split() if children.exists() else []:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        if match:
            result[int(pid)] = int(match.group(1))
    return result


# --- Outages -----------------------------------------------------------------------------------


class Probe(threading.Thread):
    """Requests an uncacheable page four times a second and remembers what came back."""

    def __init__(self, site):
        super().__init__(daemon=True)
        self.site = site
        self.samples = []
        self.stopped = threading.Event()

    def run(self):
        counter = 0
        while not self.stopped.is_set():
            counter += 1
            started = time.monotonic()
            status, body = fetch(f"{self.site}/news/?q=probe{counter}", timeout=10)
            in_layout = 'class="site-header"' in body and 'class="site-footer"' in body
            self.samples.append((started, status, in_layout, body))
            time.sleep(max(0.0, 0.25 - (time.monotonic() - started)))

    def report(self, outage_start, outage_end):
        during = [s for s in self.samples if outage_start <= s[0] <= outage_end + 0.5]
        after = [s for s in self.samples if s[0] > outage_end]
        recovered = next((s[0] for s in after if s[1] == 200), None)
        statuses = {}
        for _, status, _, _ in during:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        unavailable = [s for s in during if s[1] == 503]
        return {
            "probe_statuses_during_outage": statuses,
            "outage_pages_in_site_layout": all(s[2] for s in unavailable),
            "outage_page_says_unavailable": all("briefly unavailable" in s[3] for s in unavailable),
            "seconds_to_recover_after_service_back": (
                round(recovered - outage_end, 2) if recovered is not None else None
            ),
        }


def run_outage(args, site, kind, result):
    probe = Probe(site)
    probe.start()
    time.sleep(3)
    started = time.monotonic()
    if kind == "postgres":
        log(f"Restarting PostgreSQL cluster {args.pg_cluster}")
        result["restart_seconds"] = round(restart_postgres(args.pg_cluster), 2)
    else:
        log(f"Stopping Redis on port {args.redis_port} for 20 seconds")
        stop_redis(args.redis_port)
        time.sleep(20)
        start_redis(args.redis_port)
        log("Redis is back")
    ended = time.monotonic()
    time.sleep(MAX_RECOVERY_SECONDS)
    probe.stopped.set()
    probe.join()
    result.update(probe.report(started, ended))
    result["outage_seconds"] = round(ended - started, 2)


# --- The run -----------------------------------------------------------------------------------


def verify_edits(args, expected):
    """Each edited item: the database holds the editor's last save, and the site shows it."""
    site = f"http://127.0.0.1:{args.port}"
    lost = []
    with connect(args.database_url) as db:
        for pk, state in expected.items():
            row = db.execute(
                "SELECT title, slug FROM news_newsitem WHERE id = %s", [int(pk)]
            ).fetchone()
            if row is None or row[0] != state["title"]:
                lost.append({"id": pk, "why": "database", "expected": state["title"]})
                continue
            status, body = fetch(f"{site}/news/{state['slug']}/")
            marker = re.search(r"\[soak [^\]]*\]", state["title"]).group(0)
            shown = status == 200 and marker in body
            if shown != state["public"]:
                lost.append({"id": pk, "why": f"site answered {status}", "expected": state})
    return lost


def main():
    args = parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    seconds = int(args.minutes * 60)
    site = f"http://127.0.0.1:{args.port}"
    run_label = datetime.datetime.now().strftime("%H%M%S")  # noqa: DTZ005 - a label
    workdir = Path(f"/var/tmp/osce-soak-{args.port}")
    workdir.mkdir(parents=True, exist_ok=True)
    environment = site_environment(args)
    result = {
        "minutes": args.minutes,
        "outage": args.outage,
        "workers": args.workers,
        "connections": args.connections,
    }

    ensure_postgres_running(args.pg_cluster)
    started_redis = not redis_answers(args.redis_port)
    if started_redis:
        start_redis(args.redis_port)
    gunicorn = None
    try:
        prepare_data(args, environment)
        paths = request_mix(args)
        (workdir / "paths.txt").write_text("\n".join(paths) + "\n")
        result["distinct_urls"] = len(paths)
        with open(workdir / "gunicorn.log", "w") as gunicorn_log:
            gunicorn = start_gunicorn(args, environment, gunicorn_log)
            log(f"gunicorn up on {site}; loading for {seconds} s with {len(paths)} URLs")
            editor = subprocess.Popen(
                [
                    PYTHON,
                    str(SOAK / "editor.py"),
                    "--seconds",
                    str(seconds - 5),
                    "--site",
                    site,
                    "--run",
                    run_label,
                    "--out",
                    str(workdir / "editor.json"),
                ],
                cwd=ROOT,
                env=environment,
            )
            wrk = subprocess.Popen(
                [
                    "wrk",
                    f"-t{args.threads}",
                    f"-c{args.connections}",
                    f"-d{seconds}s",
                    "--timeout",
                    "10s",
                    "-s",
                    str(SOAK / "mix.lua"),
                    site,
                    "--",
                    str(workdir / "paths.txt"),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            warm_up = min(60, seconds // 5)
            time.sleep(warm_up)
            baseline = worker_rss(gunicorn.pid)
            if args.outage != "none":
                time.sleep(max(0, seconds // 2 - warm_up))
                run_outage(args, site, args.outage, result)
            output, _ = wrk.communicate()
            final = worker_rss(gunicorn.pid)
            editor.wait(timeout=120)

        load = json.loads(output.split("SOAK_RESULT ", 1)[1].splitlines()[0])
        edits = json.loads((workdir / "editor.json").read_text())
        lost = verify_edits(args, edits["expected"])
        statuses = load["statuses"]
        server_errors = {code: n for code, n in statuses.items() if code.startswith("5")}
        unexpected_5xx = sum(
            n
            for code, n in server_errors.items()
            if not (code == "503" and args.outage == "postgres")
        )
        growth = {
            pid: round((final[pid] - kib) / kib, 4) for pid, kib in baseline.items() if pid in final
        }
        result.update(
            requests=load["requests"],
            requests_per_second=round(load["requests"] / (load["duration_us"] / 1e6), 1),
            p50_ms=round(load["p50_us"] / 1000, 1),
            p99_ms=round(load["p99_us"] / 1000, 1),
            max_ms=round(load["max_us"] / 1000, 1),
            statuses=statuses,
            socket_errors=load["socket_errors"],
            timeouts=load["timeouts"],
            server_errors=server_errors,
            unexpected_5xx=unexpected_5xx,
            editor_saves=edits["saves"],
            editor_saves_refused=edits["refused"],
            editor_stale_reads=edits["stale_reads"],
            items_edited=len(edits["expected"]),
            lost_edits=lost,
            worker_rss_kib_after_warm_up=baseline,
            worker_rss_kib_at_end=final,
            worker_rss_growth=growth,
            workers_replaced=sorted(set(baseline) ^ set(final)),
        )
    finally:
        if gunicorn is not None:
            stop_gunicorn(gunicorn)
        ensure_postgres_running(args.pg_cluster)
        if started_redis:
            stop_redis(args.redis_port)
        elif not redis_answers(args.redis_port):
            start_redis(args.redis_port)

    failures = []
    if result["unexpected_5xx"]:
        failures.append(f"{result['unexpected_5xx']} unexpected 5xx responses")
    if result["lost_edits"]:
        failures.append(f"{len(result['lost_edits'])} lost edits")
    if result["workers_replaced"]:
        failures.append(f"workers died or were replaced: {result['workers_replaced']}")
    if any(value >= MAX_RSS_GROWTH for value in result["worker_rss_growth"].values()):
        failures.append("a worker's memory grew by 10% or more")
    if args.outage != "none":
        recovery = result.get("seconds_to_recover_after_service_back")
        if recovery is None or recovery > MAX_RECOVERY_SECONDS:
            failures.append("the site did not recover after the outage")
        if args.outage == "redis" and set(result["probe_statuses_during_outage"]) != {"200"}:
            failures.append("pages failed while Redis was down")
        if args.outage == "postgres" and not (
            result["outage_pages_in_site_layout"] and result["outage_page_says_unavailable"]
        ):
            failures.append("the outage page was not the site's 503 page")
    result["failures"] = failures
    print(json.dumps(result, indent=2, default=str))  # noqa: T201 - the report
    if args.report:
        args.report.write_text(json.dumps(result, indent=2, default=str))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
