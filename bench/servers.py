"""gunicorn servers started for one measurement each, and a fresh server's first requests."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import redis
from corpus import DATA, ROOT

# `BENCH_PORTS=FIRST-LAST` keeps a run beside another one off its ports.
_FIRST, _LAST = (int(part) for part in os.environ.get("BENCH_PORTS", "8650-8699").split("-"))
PORTS = range(_FIRST, _LAST + 1)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"no free port in {_FIRST}-{_LAST}")


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
