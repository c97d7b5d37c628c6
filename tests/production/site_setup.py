"""The site as a production leg serves it: migrated, the taxonomy and a small demo loaded, static
files collected, all with the leg's own environment (prod settings, its database and Redis)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr[-3000:]}"


def prepare_site(env, news):
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "load_taxonomy", "--verbosity", "0")
    manage(env, "seed_demo", "--news", str(news), "--seed", "7", "--verbosity", "0")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


def start_gunicorn(env, log_path):
    """gunicorn with the repository's `gunicorn.conf.py` and the leg's environment, its output
    in `log_path`; the caller waits for it and stops it."""
    with open(log_path, "w") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
