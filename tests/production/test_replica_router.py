"""Runs replica_checks.py under settings with a read replica (a mirror of the default
database), in a subprocess: the database aliases are fixed when Django starts."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def subprocess_environment():
    """This run's environment, with a database name of its own: this session's test database
    is open while the subprocess makes one."""
    env = os.environ.copy()
    url = env.get("DATABASE_URL")
    if url and not url.startswith("sqlite"):
        base, _slash, name = url.rpartition("/")
        env["DATABASE_URL"] = f"{base}/{name or 'postgres'}_replica"
    return env


def test_replica_router_checks_pass():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--ds=tests.production.replica_settings",
            "tests/production/replica_checks.py",
        ],
        cwd=ROOT,
        env=subprocess_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
