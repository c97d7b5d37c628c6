"""The production settings module, booted in a subprocess with a realistic environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="osce_site.settings.prod", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def realistic_env():
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.example.org",
        "SITE_URL": "https://www.example.org",
    }


def test_check_deploy_passes_at_warning_level():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **realistic_env())
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("missing", "message"),
    [("SECRET_KEY", "SECRET_KEY must be set"), ("ALLOWED_HOSTS", "ALLOWED_HOSTS must list")],
)
def test_refuses_to_start_half_configured(missing, message):
    env = realistic_env()
    del env[missing]
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_refuses_the_example_secret_key():
    env = realistic_env()
    env["SECRET_KEY"] = "change-me-to-50-random-characters-from-a-password-generator"
    result = run_manage("check", **env)
    assert "SECRET_KEY must be set" in result.stderr
