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
import http.client
import json
import os
import re
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis

from osce_site.access_log import ForwardedAccessLogger
from tests.production.site_setup import prepare_site, start_gunicorn
from tests.production.test_gunicorn import PG_SERVER, postgres_admin, require_services

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx" / "osce_site.conf.template"
REDIS_URL = os.environ.get("PROXYLEG_REDIS_URL", "redis://127.0.0.1:6379/12")
# Per process: two runs on one host (a developer and CI) never drop each other's database.
DATABASE = f"osce_proxyleg_{os.getpid()}"
WORKERS = 2
LOAD_BALANCER = "127.0.0.2"
VISITOR = "198.51.100.7"
MB = 1024 * 1024
FROM_LOAD_BALANCER = {
    "source": LOAD_BALANCER,
    "headers": {"X-Forwarded-Proto": "https", "X-Forwarded-For": VISITOR},
}


def nginx_binary():
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin:/sbin")
    if found:
        return found
    message = "front proxy leg skipped: nginx is not installed (scripts/install_nginx.sh)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message.replace("skipped", "cannot run") + "; CI must run it")
    pytest.skip(message)


def render(template, values):
    """What `envsubst '$OSCE_…'` does: only the ${OSCE_…} placeholders, each one known."""

    def value(match):
        assert match.group(1) in values, f"unknown placeholder {match.group(0)}"
        return values[match.group(1)]

    text = re.sub(r"\$\{(OSCE_[A-Z_]+)\}", value, template)
    assert "${" not in text
    return text


def free_ports(count):
    probes = [socket.socket() for _ in range(count)]
    for probe in probes:
        probe.bind(("127.0.0.1", 0))
    ports = [probe.getsockname()[1] for probe in probes]
    for probe in probes:
        probe.close()
    return ports


def request(port, path, method="GET", headers=None, body=None, source=None, timeout=5):
    """One request on its own connection: (status, headers, body, seconds)."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0) if source else None
    )
    started = time.monotonic()
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return response.status, response.headers, content, time.monotonic() - started
    finally:
        connection.close()


def wait_for(url_port, process, log_path, what):
    deadline = time.monotonic() + 30
    while True:
        try:
            if request(url_port, "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{what} did not start:\n{log_path.read_text()[-3000:]}")
        time.sleep(0.2)


def nginx_main_config(folder, site_config):
    """The parts of nginx.conf the site's file leaves to the system, pointed at `folder`."""
    mime_types = Path("/etc/nginx/mime.types")
    types = (
        f"include {mime_types};"
        if mime_types.exists()
        else "types { text/html html; text/css css; application/javascript js; }"
    )
    # As root, nginx's workers would switch to `nobody`, who cannot enter pytest's private
    # temporary folders.
    user = "user root root;" if os.geteuid() == 0 else ""
    return f"""
{user}
worker_processes 1;
pid {folder}/nginx.pid;
events {{ worker_connections 512; }}
http {{
    {types}
    default_type application/octet-stream;
    log_format leg '$remote_addr "$request" $status $request_length $request_time';
    access_log {folder}/access.log leg;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {site_config};
}}
"""


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


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


def access_entries(log_path):
    time.sleep(0.3)  # gunicorn writes its access line after the response
    entries = []
    for line in log_path.read_text().splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if entry.get("logger") == "gunicorn.access":
            entries.append(entry)
    return entries


def idle_connections(port, count):
    """Connections that send part of a request's headers and then nothing."""
    sockets = []
    for _ in range(count):
        connection = socket.create_connection(("127.0.0.1", port), timeout=5)
        connection.sendall(b"GET /news/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow")
        sockets.append(connection)
    return sockets


def still_open(connection):
    connection.setblocking(False)
    try:
        return connection.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        connection.setblocking(True)


class SlowUpload(threading.Thread):
    """A 20 MB POST to the admin, sent 64 KB at a time, 5 times a second."""

    size = 20 * MB

    def __init__(self, port, path="/admin/login/"):
        super().__init__(daemon=True)
        self.connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        headers = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/octet-stream\r\nContent-Length: {self.size}\r\n\r\n"
        )
        self.connection.sendall(headers.encode())
        self.sent = 0
        self.error = None
        self.finished = threading.Event()

    def run(self):
        chunk = b"x" * (64 * 1024)
        try:
            while not self.finished.is_set() and self.sent + len(chunk) < self.size:
                self.connection.sendall(chunk)
                self.sent += len(chunk)
                self.finished.wait(0.2)
        except OSError as error:
            self.error = error

    def stop(self):
        self.finished.set()
        self.join(timeout=5)
        self.connection.close()


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


def post_raw(port, path, size, source=None):
    """Headers announcing `size` bytes, then as much of the body as the server takes: the
    answer's status and the bytes sent. From the load balancer, the request is HTTPS."""
    connection = socket.create_connection(
        ("127.0.0.1", port), timeout=10, source_address=(source, 0) if source else None
    )
    forwarded = "X-Forwarded-Proto: https\r\n" if source == LOAD_BALANCER else ""
    try:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{forwarded}"
            f"Content-Type: application/octet-stream\r\nContent-Length: {size}\r\n\r\n".encode()
        )
        chunk = b"x" * (256 * 1024)
        sent = 0
        try:
            while sent < size:
                connection.sendall(chunk[: size - sent])
                sent += len(chunk)
        except OSError:
            pass  # nginx answered and stopped reading
        answer = b""
        while b"\r\n" not in answer:
            data = connection.recv(4096)
            if not data:
                break
            answer += data
        return int(answer.split(b" ", 2)[1]), sent
    finally:
        connection.close()


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
    _status, _headers, index, _seconds = request(
        stack.proxy, "/sitemap.xml", headers=headers_in, source=LOAD_BALANCER
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
