"""The production settings module, booted in a subprocess with a realistic environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL"}
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


def production_settings(code, **env):
    """Run `code` (which prints JSON) with the production settings loaded in a subprocess."""
    script = "import json, django; django.setup(); from django.conf import settings; " + code
    result = run_python(script, **{**realistic_env(), **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_python(script, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL"}
        and not key.startswith(("AWS_", "DATABASE_REPLICA"))
    }
    environment.update(DJANGO_SETTINGS_MODULE="osce_site.settings.prod", **env)
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_postgres_connections_persist_with_health_checks_and_no_server_side_cursors():
    databases = production_settings(
        "print(json.dumps(settings.DATABASES))",
        DATABASE_URL="postgres://osce:secret@db.internal:5432/osce",
        DATABASE_REPLICA_URL="postgres://osce:secret@replica.internal:5432/osce",
    )
    assert set(databases) == {"default", "replica"}
    for alias, host in (("default", "db.internal"), ("replica", "replica.internal")):
        database = databases[alias]
        assert database["HOST"] == host
        assert database["CONN_MAX_AGE"] == 60
        assert database["CONN_HEALTH_CHECKS"] is True
        assert database["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert databases["replica"]["TEST"]["MIRROR"] == "default"


def test_connections_set_work_mem_unless_told_otherwise():
    url = "postgres://osce:secret@db.internal:5432/osce"
    code = "print(json.dumps(settings.DATABASES['default']['OPTIONS']['options']))"
    assert production_settings(code, DATABASE_URL=url) == "-c jit=off -c work_mem=32MB"
    assert production_settings(code, DATABASE_URL=url, DB_WORK_MEM="64MB", DB_JIT="1") == (
        "-c work_mem=64MB"
    )
    assert production_settings(code, DATABASE_URL=url, DB_WORK_MEM="") == "-c jit=off"


def test_refuses_a_work_mem_that_is_not_a_size():
    result = run_manage("check", **realistic_env(), DB_WORK_MEM="32MB -c fsync=off")
    assert result.returncode != 0
    assert "DB_WORK_MEM must be like 32MB" in result.stderr


def test_no_replica_unless_configured():
    databases = production_settings("print(json.dumps(list(settings.DATABASES)))")
    assert databases == ["default"]


def test_redis_cache_holds_sessions_and_whole_pages():
    values = production_settings(
        "from django.core.cache import caches; from django.core.cache.backends.redis import "
        "RedisCache; print(json.dumps([isinstance(caches['default'], RedisCache), "
        "settings.SESSION_ENGINE, "
        "settings.PAGE_CACHE, settings.CACHES['default']['LOCATION']]))",
        CACHE_URL="redis://cache.internal:6379/2",
    )
    assert values == [
        True,
        "django.contrib.sessions.backends.cached_db",
        True,
        "redis://cache.internal:6379/2",
    ]


def test_page_cache_can_be_switched_off():
    assert (
        production_settings(
            "print(json.dumps(settings.PAGE_CACHE))",
            CACHE_URL="redis://cache.internal:6379/2",
            PAGE_CACHE="0",
        )
        is False
    )


def test_without_redis_sessions_are_in_the_database_and_pages_are_not_cached():
    """A memory cache is one per process: a logout or an edit seen by one worker would be
    unknown to the others, so neither sessions nor pages may live there."""
    values = production_settings(
        "print(json.dumps([settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, "
        "settings.PAGE_CACHE]))"
    )
    assert values == [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.contrib.sessions.backends.db",
        False,
    ]


def test_media_stay_on_local_disk_by_default():
    storages = production_settings("print(json.dumps(settings.STORAGES))")
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert (
        storages["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


S3_ENV = {
    "AWS_STORAGE_BUCKET_NAME": "osce-media",
    "AWS_S3_ENDPOINT_URL": "https://objects.example.net",
    "AWS_S3_REGION_NAME": "eu-central-1",
    "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
    "AWS_ACCESS_KEY_ID": "test-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret",
}


def test_a_bucket_selects_s3_compatible_storage_for_media():
    storage = production_settings("print(json.dumps(settings.STORAGES['default']))", **S3_ENV)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "osce-media"
    assert options["endpoint_url"] == "https://objects.example.net"
    assert options["region_name"] == "eu-central-1"
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False


def test_s3_storage_builds_public_urls_without_the_network():
    pytest.importorskip("storages", reason="the optional extra `s3` is not installed")
    values = production_settings(
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(json.dumps([type(s).__name__, s.bucket_name, s.url('news/2025/a b.jpg')]))",
        **S3_ENV,
    )
    assert values == ["S3Storage", "osce-media", "https://media.example.org/news/2025/a%20b.jpg"]


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    result = run_manage("collectstatic", "--no-input", **realistic_env(), STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"
    assert (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists()


def test_refuses_a_secret_key_shorter_than_50_characters():
    env = realistic_env()
    env["SECRET_KEY"] = secrets.token_hex(24)  # 48 random characters: not enough
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "50 or more characters" in result.stderr


@pytest.mark.parametrize(
    ("env", "origin"),
    [
        ({"AWS_S3_CUSTOM_DOMAIN": "media.example.org"}, "https://media.example.org"),
        ({"AWS_S3_ENDPOINT_URL": "https://objects.example.net"}, "https://objects.example.net"),
        ({"AWS_S3_REGION_NAME": "eu-central-1"}, "https://osce-media.s3.amazonaws.com"),
    ],
)
def test_content_security_policy_allows_images_from_object_storage(env, origin):
    """With media in S3 or behind a CDN, pages' images come from another origin: without it
    in img-src, every picture on the site would be blocked by the browser."""
    policy = production_settings(
        "print(json.dumps(settings.SECURE_CSP))",
        AWS_STORAGE_BUCKET_NAME="osce-media",
        **env,
    )
    assert origin in policy["img-src"]
    assert origin in policy["media-src"]
    assert "'self'" in policy["img-src"]


def test_content_security_policy_keeps_images_local_without_object_storage():
    policy = production_settings("print(json.dumps(settings.SECURE_CSP))")
    assert set(policy["img-src"]) == {"'self'", "data:"}
