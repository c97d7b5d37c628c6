"""Real-browser tests: the site served over HTTP in its own process, driven by Debian's chromium.

The site runs as `manage.py runserver` on a database of its own (a SQLite file, or a PostgreSQL
database beside the test database when DATABASE_URL points at PostgreSQL), built once per test
run by `tests/browser/site_data.py`. A separate process keeps the browser's event loop away from
Django's ORM (no "async unsafe" workarounds) and serves pages exactly as a deployment would:
committed data, real HTTP, static files through WhiteNoise, uploaded media.

What cannot run here is skipped with one line at the end of the run saying why: no chromium
(CI installs it with apt, `scripts/browser_assets.sh --install-chromium`), no npm to fetch
axe-core and vnu-jar, or no Java for vnu.jar. With `CI=true` the same line fails the tests
instead (tests.infrastructure): in CI a browser leg that did not run is not a green one. When
npm is there and the assets are missing they are fetched, and a failure to fetch fails the
tests.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.infrastructure import in_ci, missing

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ARTIFACTS = ROOT / "artifacts"
SCREENS = ARTIFACTS / "screens"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ASSETS = ROOT / ".cache" / "browser-assets" / "node_modules"
AXE_JS = ASSETS / "axe-core" / "axe.min.js"
VNU_JAR = ASSETS / "vnu-jar" / "build" / "dist" / "vnu.jar"
ASSETS_SCRIPT = ROOT / "scripts" / "browser_assets.sh"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

_skip_reasons = set()


def _browser_missing():
    if not CHROMIUM.exists():
        return (
            "Browser tests: /usr/bin/chromium is missing (install Debian's chromium; "
            "`scripts/browser_assets.sh --install-chromium` does it as root)."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Browser tests: the playwright package is missing (pip install '.[dev]')."
    return None


def pytest_runtest_setup(item):
    if HERE in Path(item.path).parents and "browser" in item.fixturenames:
        reason = _browser_missing()
        if reason is not None:
            _skip(reason)


def pytest_terminal_summary(terminalreporter):
    for reason in sorted(_skip_reasons):
        terminalreporter.write_line(reason)


def _skip(reason):
    """Skip with `reason`, repeated once at the end of the run; in CI, fail with it."""
    if not in_ci():
        _skip_reasons.add(reason)
    missing(reason)


def _ensure_assets(path):
    """The npm assets, fetched on first use; a skip only where npm is absent."""
    if path.exists():
        return path
    if shutil.which("npm") is None:
        _skip(f"Browser tests: {path.name} is missing and npm is not installed to fetch it.")
    subprocess.run([str(ASSETS_SCRIPT)], check=True, cwd=ROOT)
    assert path.exists(), f"{ASSETS_SCRIPT.name} ran but {path} is still missing"
    return path


@pytest.fixture(scope="session")
def axe_source():
    return _ensure_assets(AXE_JS).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_jar():
    jar = _ensure_assets(VNU_JAR)
    if shutil.which("java") is None:
        _skip("HTML validity tests: Java is not installed to run vnu.jar.")
    return jar


# --- The served site -------------------------------------------------------------------------


@dataclass
class Site:
    url: str
    data: dict
    # The SMTP server the site sends its e-mail alerts to (tests.alerts.conftest.Sink), and
    # the environment to run the site's own commands with.
    mailbox: object = None
    env: dict = None

    def __call__(self, path):
        return self.url + path


def _free_port():
    wanted = os.environ.get("BROWSER_TEST_PORT")
    if wanted:
        return int(wanted)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Database:
    """The served site's own database: a file beside the media, or a PostgreSQL database named
    after the test run's one, made empty and dropped afterwards."""

    def __init__(self, folder):
        from dj_database_url import parse

        configured = os.environ.get("DATABASE_URL", "")
        self.pg = None
        if configured.startswith(("postgres://", "postgresql://")):
            self.pg = parse(configured)
            self.name = f"{self.pg['NAME']}_browser"
            self.url = urlsplit(configured)._replace(path=f"/{self.name}").geturl()
        else:
            self.url = f"sqlite:///{folder / 'site.sqlite3'}"

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(
            host=self.pg["HOST"] or None,
            port=self.pg["PORT"] or None,
            user=self.pg["USER"] or None,
            password=self.pg["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(sql)

    def create(self):
        if self.pg:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.pg:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _wait_until_up(url, server, log):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"The site's server stopped at start; see {log}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"The site's server did not answer within 30 s; see {log}")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-site")
    database = _Database(folder)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    from aiosmtpd.controller import Controller

    from tests.alerts.conftest import Sink

    mailbox = Sink()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    smtp.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
        "DATABASE_URL": database.url,
        "BROWSER_MEDIA_ROOT": str(folder / "media"),
        "BROWSER_SITE_URL": url,
        "BROWSER_SMTP_PORT": str(smtp.port),
        "PYTHONUNBUFFERED": "1",
    }
    database.create()
    prepared = subprocess.run(
        [sys.executable, "-m", "tests.browser.site_data"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if prepared.returncode != 0:
        database.drop()
        smtp.stop()
        pytest.fail(f"Preparing the site's data failed:\n{prepared.stderr}")
    data = json.loads(prepared.stdout.strip().splitlines()[-1])

    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "browser-server.log"
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(url, server, log)
        yield Site(url, data, mailbox, env)
    finally:
        smtp.stop()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        database.drop()


# --- Chromium ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(site):
    """One chromium per test module: Playwright's sync API keeps an event loop in this thread
    while it runs, so it is stopped before the next module's database tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageErrors:
    """Script errors and refused resources (CSP) a page reports: none are acceptable."""

    def __init__(self, page):
        self.errors = []
        page.on("pageerror", lambda error: self.errors.append(f"script error: {error}"))
        page.on("console", self._console)

    def _console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.errors.append(f"refused by CSP: {message.text}")


def _new_page(browser, site, **options):
    context = browser.new_context(base_url=site.url, **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page, PageErrors(page)


@pytest.fixture
def desktop(browser, site):
    context, page, errors = _new_page(browser, site, viewport=DESKTOP)
    yield page
    context.close()
    assert errors.errors == []


@pytest.fixture
def phone(browser, site):
    context, page, errors = _new_page(
        browser, site, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    yield page
    context.close()
    assert errors.errors == []


@pytest.fixture
def new_page(browser, site):
    """Fresh browser contexts (separate cookies) for journeys with more than one person."""
    opened = []

    def make(viewport=DESKTOP):
        context, page, errors = _new_page(browser, site, viewport=viewport)
        opened.append((context, errors))
        return page

    yield make
    for context, errors in opened:
        context.close()
        assert errors.errors == []


def snap(page, name, widths=(DESKTOP["width"], PHONE["width"]), full_page=False):
    """Screenshots of what the person sees now (or the whole page), at each width, into
    artifacts/screens/."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    for width in widths:
        if width != original["width"]:
            page.set_viewport_size({"width": width, "height": original["height"]})
        page.screenshot(path=SCREENS / f"{name}-{width}.png", full_page=full_page)
    if page.viewport_size != original:
        page.set_viewport_size(original)


# Django's messages after a save; the editing-presence banner (news.admin.presence) looks like
# one but has a class of its own (PRESENCE).
MESSAGES = "ul.messagelist"
PRESENCE = "#editing-presence ul.presence-list"
