"""The front proxy leg's pieces: nginx rendered from the repository's template and run in the
foreground, raw HTTP requests from chosen source addresses, idle and slow connections."""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

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
