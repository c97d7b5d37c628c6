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
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from outages import MAX_RECOVERY_SECONDS, run_outage
from services import (
    connect,
    ensure_postgres_running,
    log,
    redis_answers,
    start_redis,
    stop_redis,
)
from site_process import (
    PYTHON,
    ROOT,
    fetch,
    prepare_data,
    site_environment,
    start_gunicorn,
    stop_gunicorn,
    worker_rss,
)
from traffic import request_mix

SOAK = ROOT / "soak"
MAX_RSS_GROWTH = 0.10


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


def start_editor(seconds, site, run_label, workdir, environment):
    return subprocess.Popen(
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


def start_wrk(args, site, seconds, workdir):
    return subprocess.Popen(
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


def soak(args, environment, site, seconds, workdir, result):
    """Serve, load and edit for `seconds` (with the outage midway, if asked), then add the
    figures to `result`."""
    gunicorn = None
    try:
        prepare_data(args, environment)
        paths = request_mix(args)
        (workdir / "paths.txt").write_text("\n".join(paths) + "\n")
        result["distinct_urls"] = len(paths)
        run_label = datetime.datetime.now().strftime("%H%M%S")  # noqa: DTZ005 - a label
        with open(workdir / "gunicorn.log", "w") as gunicorn_log:
            gunicorn = start_gunicorn(args, environment, gunicorn_log)
            log(f"gunicorn up on {site}; loading for {seconds} s with {len(paths)} URLs")
            editor = start_editor(seconds, site, run_label, workdir, environment)
            wrk = start_wrk(args, site, seconds, workdir)
            warm_up = min(60, seconds // 5)
            time.sleep(warm_up)
            baseline = worker_rss(gunicorn.pid)
            if args.outage != "none":
                time.sleep(max(0, seconds // 2 - warm_up))
                run_outage(args, site, args.outage, result)
            output, _ = wrk.communicate()
            final = worker_rss(gunicorn.pid)
            editor.wait(timeout=120)
        # Read while the site still serves: the edits are checked on its pages.
        load = json.loads(output.split("SOAK_RESULT ", 1)[1].splitlines()[0])
        edits = json.loads((workdir / "editor.json").read_text())
        record(args, result, load, edits, baseline, final)
    finally:
        if gunicorn is not None:
            stop_gunicorn(gunicorn)


def record(args, result, load, edits, baseline, final):
    statuses = load["statuses"]
    server_errors = {code: n for code, n in statuses.items() if code.startswith("5")}
    unexpected_5xx = sum(
        n for code, n in server_errors.items() if not (code == "503" and args.outage == "postgres")
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
        lost_edits=verify_edits(args, edits["expected"]),
        worker_rss_kib_after_warm_up=baseline,
        worker_rss_kib_at_end=final,
        worker_rss_growth=growth,
        workers_replaced=sorted(set(baseline) ^ set(final)),
    )


def failures(args, result):
    found = []
    if result["unexpected_5xx"]:
        found.append(f"{result['unexpected_5xx']} unexpected 5xx responses")
    if result["lost_edits"]:
        found.append(f"{len(result['lost_edits'])} lost edits")
    if result["workers_replaced"]:
        found.append(f"workers died or were replaced: {result['workers_replaced']}")
    if any(value >= MAX_RSS_GROWTH for value in result["worker_rss_growth"].values()):
        found.append("a worker's memory grew by 10% or more")
    if args.outage != "none":
        recovery = result.get("seconds_to_recover_after_service_back")
        if recovery is None or recovery > MAX_RECOVERY_SECONDS:
            found.append("the site did not recover after the outage")
        if args.outage == "redis" and set(result["probe_statuses_during_outage"]) != {"200"}:
            found.append("pages failed while Redis was down")
        if args.outage == "postgres" and not (
            result["outage_pages_in_site_layout"] and result["outage_page_says_unavailable"]
        ):
            found.append("the outage page was not the site's 503 page")
    return found


def main():
    args = parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    workdir = Path(f"/var/tmp/osce-soak-{args.port}")
    workdir.mkdir(parents=True, exist_ok=True)
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
    try:
        soak(
            args,
            site_environment(args),
            f"http://127.0.0.1:{args.port}",
            int(args.minutes * 60),
            workdir,
            result,
        )
    finally:
        ensure_postgres_running(args.pg_cluster)
        if started_redis:
            stop_redis(args.redis_port)
        elif not redis_answers(args.redis_port):
            start_redis(args.redis_port)
    result["failures"] = failures(args, result)
    print(json.dumps(result, indent=2, default=str))
    if args.report:
        args.report.write_text(json.dumps(result, indent=2, default=str))
    sys.exit(1 if result["failures"] else 0)


if __name__ == "__main__":
    main()
