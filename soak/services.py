"""The services the soak test stands on: its own Redis and the PostgreSQL cluster, which it
starts, stops and restarts for the outage runs."""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from dj_database_url import parse as parse_database_url


def log(message):
    stamp = datetime.datetime.now().strftime("%H:%M:%S")  # noqa: DTZ005 - console time
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


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
