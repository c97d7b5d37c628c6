"""The site under test: its environment, data and gunicorn, and what its workers hold."""

import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from services import connect, ensure_database, log

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


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
