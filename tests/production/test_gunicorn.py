"""The production stack for real: `osce_site.settings.prod` on PostgreSQL and Redis, served
by gunicorn with the repository's `gunicorn.conf.py`, fetched over HTTP.

The leg makes its own database (`osce_prodleg`, dropped and made again) and uses its own
Redis database number (flushed), migrates, loads the taxonomy and a small demo, collects the
static files into a temporary folder and starts gunicorn on a free port. It is skipped, with a
line saying which, only where PostgreSQL or Redis does not answer; with `CI=true` that line
fails it instead (tests.infrastructure).
"""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import redis
from dj_database_url import parse

from tests.infrastructure import missing
from tests.production.site_setup import prepare_site, start_gunicorn
from website.templatetags.navigation import SOCIAL_LINKS

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER = os.environ.get("PRODLEG_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("PRODLEG_REDIS_URL", "redis://127.0.0.1:6379/13")
# Per process: two runs on one host (a developer and CI) never drop each other's database.
DATABASE = f"osce_prodleg_{os.getpid()}"
PORTS = range(8600, 8700)


def postgres_admin():
    config = parse(PG_SERVER)
    return psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname=config["NAME"],
        connect_timeout=3,
        autocommit=True,
    )


def require_services():
    try:
        postgres_admin().close()
    except psycopg.OperationalError as error:
        missing(f"production leg: no PostgreSQL at {PG_SERVER} ({error})")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        missing(f"production leg: no Redis at {REDIS_URL} ({error})")


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail("no free port in 8600-8699")


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_services()
    folder = tmp_path_factory.mktemp("prodleg")
    with postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
    redis.Redis.from_url(REDIS_URL).flushdb()
    server_config = parse(PG_SERVER)
    database_url = PG_SERVER.rsplit("/", 1)[0] + f"/{DATABASE}"
    assert server_config["NAME"] != DATABASE
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "CACHE_URL", "AWS_", "PAGE_CACHE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="osce_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        CACHE_URL=REDIS_URL,
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        PAGE_CACHE_HEADER="1",
        PYTHONUNBUFFERED="1",
    )

    prepare_site(env, news=120)

    log_path = folder / "gunicorn.log"
    process = start_gunicorn(env, log_path)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield {"base": base, "log": log_path, "process": process}
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with postgres_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture(scope="module")
def links(server):
    """A news item, a filter combination and a static file, as the listing links them."""
    status, _headers, body = fetch(f"{server['base']}/news/")
    assert status == 200
    page = body.decode()
    item = re.search(r'href="(/news/(?!feed/)[a-z0-9-]+/)"', page).group(1)
    field = re.search(r'name="field_of_work" value="([a-z0-9-]+)"', page).group(1)
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', page).group(1)
    return {"item": item, "filtered": f"/news/?field_of_work={field}", "css": stylesheet}


@pytest.mark.parametrize(
    "page", ["/", "/news/", "filtered", "item", "/news/feed/", "/sitemap.xml", "/search/?q=OSCE"]
)
def test_pages_are_served_and_cached(server, links, page):
    url = server["base"] + links.get(page, page)
    status, headers, body = fetch(url)
    assert status == 200, url
    assert headers["X-Page-Cache"] in ("MISS", "HIT")
    status, headers, again = fetch(url)
    assert status == 200
    assert headers["X-Page-Cache"] == "HIT"
    assert again == body
    status, _headers, empty = fetch(url, {"If-None-Match": headers["ETag"]})
    assert status == 304
    assert empty == b""


def test_health_check_is_live_and_never_cached(server):
    status, headers, body = fetch(f"{server['base']}/healthz")
    assert (status, body) == (200, b"ok")
    assert "no-store" in headers["Cache-Control"]
    assert "X-Page-Cache" not in headers


def test_static_files_are_hashed_compressed_and_cached_for_a_year(server, links):
    status, headers, body = fetch(server["base"] + links["css"], {"Accept-Encoding": "gzip"})
    assert status == 200
    assert body
    assert headers["Content-Encoding"] == "gzip"
    cache_control = headers["Cache-Control"]
    assert "immutable" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600


def test_an_unknown_page_is_404_and_a_foreign_host_400(server):
    assert fetch(f"{server['base']}/news/no-such-item/")[0] == 404
    assert fetch(f"{server['base']}/news/", {"Host": "evil.example.com"})[0] == 400


def log_entries(path):
    """The log's complete lines (gunicorn may be writing the last one), each parsed as JSON."""
    text = path.read_text()
    entries = []
    for line in text[: text.rfind("\n") + 1].splitlines():
        if line.strip():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                pytest.fail(f"a log line is not JSON: {line!r}")
    return entries


def test_logs_are_json_lines_with_the_requests(server, links):
    fetch(server["base"] + "/news/")
    # The access line is written by gunicorn's process after the response: wait for it, briefly.
    deadline = time.monotonic() + 10
    while True:
        entries = log_entries(server["log"])
        access = [entry for entry in entries if entry.get("logger") == "gunicorn.access"]
        logged = any(entry["path"] == "/news/" and entry["status"] == 200 for entry in access)
        if logged or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert all({"time", "level", "logger", "message"} <= entry.keys() for entry in entries)
    assert logged
    assert any(entry["logger"] == "gunicorn.error" for entry in entries)


HREF = re.compile(r'\b(?:href|src|action)="([^"]*)"')


def raw_get(base, path):
    """GET `path` exactly as written: urllib and Django's test client would parse `//host/x`
    as a host, and Python's own HTTP server collapses the slashes; gunicorn passes it on."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Location") or "", response.read().decode()
    finally:
        connection.close()


@pytest.mark.parametrize(
    "path",
    [
        "//evil.example/x",
        "///evil.example/x",
        "/\\evil.example/x",
        "//evil.example/ru/news/?page=2",
    ],
)
def test_no_link_on_any_page_leaves_the_site(server, path):
    """`https://site//evil.example/x` once rendered the 404 page with six language links to
    `//evil.example/...`, which a browser follows to that host."""
    site = urlsplit(server["base"]).netloc
    # The organisation's own accounts, linked from the footer, are the only hosts elsewhere.
    accounts = {urlsplit(url).netloc for _name, url in SOCIAL_LINKS}

    def offsite(url):
        url = url.replace("\\", "/")
        return url.startswith("//") or urlsplit(url).netloc not in ("", site, *accounts)

    status, location, body = raw_get(server["base"], path)
    assert status in (301, 302, 404)
    assert not offsite(location), location
    assert [url for url in HREF.findall(body) if offsite(url)] == []
