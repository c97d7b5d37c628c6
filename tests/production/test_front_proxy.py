"""The production front for real: nginx with the repository's configuration
(`deploy/nginx/osce_site.conf.template`) in front of gunicorn (`gunicorn.conf.py`,
`osce_site.settings.prod`, PostgreSQL and Redis), fetched over HTTP.

The template is rendered with temporary folders and free ports and wrapped in a minimal main
configuration; nginx runs in the foreground with its own prefix, pid, logs and temporary
folders here, so nothing of the system's nginx is used but the binary and `mime.types`. The
test plays the TLS load balancer from 127.0.0.2 (the address the configuration trusts) and the
visitors from 127.0.0.1.

Where nginx is not installed the leg is skipped with one line; with CI=true that is a failure
(`.ci/run` installs it). Like tests/production/test_gunicorn.py, it is skipped where PostgreSQL
or Redis does not answer. It makes its own database (`osce_proxyleg`) and uses its own Redis
database number (12), both emptied before and after.
"""

import datetime
import os
import re
import runpy
import secrets
import shutil
import subprocess
import time
from types import SimpleNamespace

import pytest
import redis

from osce_site.access_log import ForwardedAccessLogger
from tests.production.front_proxy import (
    DATABASE,
    FROM_LOAD_BALANCER,
    LOAD_BALANCER,
    MB,
    REDIS_URL,
    ROOT,
    TEMPLATE,
    VISITOR,
    WORKERS,
    SlowUpload,
    access_entries,
    free_ports,
    idle_connections,
    nginx_binary,
    nginx_main_config,
    post_raw,
    render,
    request,
    still_open,
    stop,
    wait_for,
)
from tests.production.site_setup import prepare_site, start_gunicorn
from tests.production.test_gunicorn import PG_SERVER, postgres_admin, require_services


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    nginx = nginx_binary()
    require_services()
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"front proxy leg skipped: no Redis at {REDIS_URL} ({error})")
    folder = tmp_path_factory.mktemp("proxyleg")
    with postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
    redis.Redis.from_url(REDIS_URL).flushdb()
    proxy_port, app_port = free_ports(2)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "CACHE_URL", "AWS_", "PAGE_CACHE", "SECURE_"))
        and key not in ("FORWARDED_ALLOW_IPS", "GUNICORN_ACCESS_LOG")
    }
    # As in production: HTTPS redirect on, gunicorn trusting only 127.0.0.1 (its default).
    env.update(
        DJANGO_SETTINGS_MODULE="osce_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="https://localhost",
        DATABASE_URL=PG_SERVER.rsplit("/", 1)[0] + f"/{DATABASE}",
        CACHE_URL=REDIS_URL,
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        GUNICORN_BIND=f"127.0.0.1:{app_port}",
        GUNICORN_WORKERS=str(WORKERS),
        PYTHONUNBUFFERED="1",
    )

    prepare_site(env, news=30)
    (folder / "media").mkdir(exist_ok=True)
    (folder / "media" / "probe.txt").write_text("media probe\n")

    proxy_folder = folder / "nginx"
    proxy_folder.mkdir()
    site_config = proxy_folder / "osce_site.conf"
    site_config.write_text(
        render(
            TEMPLATE.read_text(),
            {
                "OSCE_SERVER_NAME": "127.0.0.1 localhost",
                "OSCE_LISTEN": f"127.0.0.1:{proxy_port}",
                "OSCE_TRUSTED_PROXY": f"{LOAD_BALANCER}/32",
                "OSCE_UPSTREAM": f"127.0.0.1:{app_port}",
                "OSCE_STATIC_ROOT": str(folder / "static"),
                "OSCE_MEDIA_ROOT": str(folder / "media"),
            },
        )
    )
    main_config = proxy_folder / "nginx.conf"
    main_config.write_text(nginx_main_config(proxy_folder, site_config))
    nginx_command = [nginx, "-p", str(proxy_folder), "-c", str(main_config)]
    nginx_command += ["-e", str(proxy_folder / "error.log")]
    checked = subprocess.run(
        [*nginx_command, "-t"], capture_output=True, text=True, timeout=30, check=False
    )
    assert checked.returncode == 0, f"nginx -t:\n{checked.stderr}"

    app_log = folder / "gunicorn.log"
    proxy_log = proxy_folder / "nginx.out"
    app = start_gunicorn(env, app_log)
    with open(proxy_log, "w") as log:
        proxy = subprocess.Popen(
            [*nginx_command, "-g", "daemon off;"], stdout=log, stderr=subprocess.STDOUT
        )
    try:
        wait_for(app_port, app, app_log, "gunicorn")
        wait_for(proxy_port, proxy, proxy_folder / "error.log", "nginx")
        yield SimpleNamespace(
            proxy=proxy_port,
            app=app_port,
            app_log=app_log,
            proxy_access_log=proxy_folder / "access.log",
        )
    finally:
        stop(proxy)
        stop(app)
        with postgres_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        redis.Redis.from_url(REDIS_URL).flushdb()


def test_idle_connections_and_a_slow_upload_leave_the_site_answering(stack, record_property):
    assert request(stack.proxy, "/news/", **FROM_LOAD_BALANCER)[0] == 200  # warm the cache
    idle = idle_connections(stack.proxy, 3 * WORKERS)
    upload = SlowUpload(stack.proxy)
    upload.start()
    try:
        time.sleep(1)
        timings = {"/healthz": [], "/news/": []}
        for _ in range(5):
            for path, seconds in timings.items():
                status, _headers, _body, elapsed = request(stack.proxy, path, **FROM_LOAD_BALANCER)
                assert status == 200, path
                seconds.append(elapsed)
        assert all(still_open(connection) for connection in idle)
        assert upload.is_alive() and upload.error is None and 0 < upload.sent < upload.size
    finally:
        upload.stop()
        for connection in idle:
            connection.close()
    slowest = {path: max(seconds) for path, seconds in timings.items()}
    for path, seconds in timings.items():
        record_property(f"seconds {path}", [round(value, 4) for value in seconds])
    assert all(seconds < 1 for seconds in slowest.values()), slowest


def test_without_the_proxy_the_same_idle_connections_stall_gunicorn(stack, record_property):
    """The attack above is real: straight at gunicorn's sync workers, as many idle
    connections as workers hold every one, and /healthz waits behind them."""
    idle = idle_connections(stack.app, 3 * WORKERS)
    try:
        time.sleep(0.5)
        with pytest.raises(TimeoutError):
            request(stack.app, "/healthz", timeout=1)
    finally:
        for connection in idle:
            connection.close()
    status, _headers, _body, elapsed = request(stack.app, "/healthz", timeout=10)
    record_property("healthz straight at gunicorn after the attack ends", round(elapsed, 4))
    assert status == 200


def test_a_30_mb_post_to_a_public_page_is_refused_by_the_proxy(stack, record_property):
    marker = secrets.token_hex(8)
    started = time.monotonic()
    status, sent = post_raw(stack.proxy, f"/news/?probe={marker}", 30 * MB)
    record_property("413 after seconds", round(time.monotonic() - started, 4))
    record_property("413 after bytes sent", sent)
    assert status == 413
    assert marker not in stack.app_log.read_text()  # never reached gunicorn, let alone Django
    # nginx writes the line once it has stopped reading the rest of the body.
    line = rf'"POST /news/\?probe={marker} HTTP/1.1" 413 '
    deadline = time.monotonic() + 10
    while not re.search(line, stack.proxy_access_log.read_text()):
        assert time.monotonic() < deadline, "nginx logged no 413"
        time.sleep(0.2)
    assert marker not in stack.app_log.read_text()


def test_the_admin_takes_uploads_up_to_25_mb_and_public_pages_no_body_at_all(stack):
    # Through the proxy to Django, which judges it (an HTTPS POST with no Referer: 403).
    assert post_raw(stack.proxy, "/admin/login/", 20 * MB, source=LOAD_BALANCER)[0] == 403
    assert post_raw(stack.proxy, "/admin/login/", 30 * MB, source=LOAD_BALANCER)[0] == 413
    assert post_raw(stack.proxy, "/news/", 2 * MB, source=LOAD_BALANCER)[0] == 413
    # A small body passes the proxy; Django refuses it unread.
    status, headers, _body, _seconds = request(
        stack.proxy, "/news/", "POST", body=b"a=1", **FROM_LOAD_BALANCER
    )
    assert status == 405
    assert headers["Allow"] == "GET, HEAD, OPTIONS"


def test_the_scheme_and_the_visitors_address_come_from_the_load_balancer_only(stack):
    marker = secrets.token_hex(8)
    # From the load balancer: its X-Forwarded-Proto and X-Forwarded-For are believed.
    status, headers, _body, _seconds = request(
        stack.proxy, f"/news/?probe={marker}&by=lb", **FROM_LOAD_BALANCER
    )
    assert status == 200
    assert "Strict-Transport-Security" in headers  # Django saw HTTPS
    # From anyone else the same headers are replaced by what nginx itself saw.
    status, headers, _body, _seconds = request(
        stack.proxy,
        f"/news/?probe={marker}&by=visitor",
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.66"},
    )
    assert status == 301
    assert headers["Location"] == f"https://127.0.0.1/news/?probe={marker}&by=visitor"
    remotes = {
        entry["query"].rsplit("=", 1)[1]: entry["remote"]
        for entry in access_entries(stack.app_log)
        if marker in entry.get("query", "")
    }
    assert remotes == {"lb": VISITOR, "visitor": "127.0.0.1"}


def test_static_and_media_files_are_served_by_nginx(stack):
    status, _headers, page, _seconds = request(stack.proxy, "/news/", **FROM_LOAD_BALANCER)
    assert status == 200
    hashed = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page.decode()).group(1)
    status, headers, body, _seconds = request(
        stack.proxy, hashed, headers={"Accept-Encoding": "gzip"}
    )
    assert status == 200 and body
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"

    status, headers, _body, _seconds = request(stack.proxy, "/static/css/site.css")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=3600"
    assert headers["X-Content-Type-Options"] == "nosniff"

    status, headers, body, _seconds = request(stack.proxy, "/media/probe.txt")
    assert (status, body) == (200, b"media probe\n")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]

    status, headers, _body, _seconds = request(stack.proxy, "/static/css/site.0123456789ab.css")
    assert status == 404
    assert "immutable" not in (headers["Cache-Control"] or "")

    paths = {entry["path"] for entry in access_entries(stack.app_log)}
    assert not any(path.startswith(("/static/", "/media/")) for path in paths)


def test_pages_feeds_and_sitemaps_are_compressed_and_still_revalidate(stack):
    gzip = {"Accept-Encoding": "gzip"}
    headers_in = {**FROM_LOAD_BALANCER["headers"], **gzip}
    # The index read as plain XML (it is long enough now to be compressed itself).
    _status, _headers, index, _seconds = request(
        stack.proxy, "/sitemap.xml", headers=FROM_LOAD_BALANCER["headers"], source=LOAD_BALANCER
    )
    section = re.search(rb"<loc>https?://[^/<]+(/sitemap-[a-z0-9-]+\.xml)", index).group(1)
    for path in ("/news/", "/news/feed/", section.decode()):
        status, headers, _body, _seconds = request(
            stack.proxy, path, headers=headers_in, source=LOAD_BALANCER
        )
        assert status == 200, path
        assert headers["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in headers["Vary"], path
        again = request(
            stack.proxy,
            path,
            headers={**headers_in, "If-None-Match": headers["ETag"]},
            source=LOAD_BALANCER,
        )
        assert again[0] == 304, path

    status, headers, _body, _seconds = request(
        stack.proxy, "/admin/login/", headers=headers_in, source=LOAD_BALANCER
    )
    assert status == 200
    assert "Content-Encoding" not in headers  # pages with CSRF tokens are never compressed


def test_gunicorn_listens_only_on_this_host_and_trusts_only_it(monkeypatch):
    for name in ("GUNICORN_BIND", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["bind"] == "127.0.0.1:8000"
    assert config["forwarded_allow_ips"] == "127.0.0.1"
    assert config["logger_class"] == "osce_site.access_log.ForwardedAccessLogger"


@pytest.mark.parametrize(
    ("peer", "forwarded", "logged"),
    [
        ("127.0.0.1", "198.51.100.7", "198.51.100.7"),
        ("127.0.0.1", "10.1.1.1, 198.51.100.7", "198.51.100.7"),
        ("", "198.51.100.7", "198.51.100.7"),  # a unix socket
        ("10.9.9.9", "198.51.100.7", "10.9.9.9"),  # not a trusted proxy
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", None, "127.0.0.1"),
    ],
)
def test_the_access_log_names_the_address_a_trusted_proxy_passes(peer, forwarded, logged):
    logger = ForwardedAccessLogger.__new__(ForwardedAccessLogger)
    logger.cfg = SimpleNamespace(forwarded_allow_ips=["127.0.0.1"])
    environ = {
        "REMOTE_ADDR": peer,
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    if forwarded is not None:
        environ["HTTP_X_FORWARDED_FOR"] = forwarded
    response = SimpleNamespace(status="200 OK", headers=[], sent=2)
    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, datetime.timedelta(0))
    assert atoms["h"] == logged


def test_a_missing_nginx_is_a_skip_here_and_a_failure_in_ci(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="nginx is not installed"):
        nginx_binary()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run it"):
        nginx_binary()
