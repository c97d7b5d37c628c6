"""Security headers and cookies on every kind of response: pages, 404, 500, 503, 400, admin,
media; and the production settings' HSTS and cookie flags, checked in a production process."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from tests.factories import MeetingFactory, NewsItemFactory
from website.views.home import HomeView

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_security_headers(response, frame_options=True):
    directives = csp_directives(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    if frame_options:
        assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def assert_no_unsafe_inline_script(html):
    """Every script is a file of ours, a data block, or carries the request's nonce."""
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert " src=" in tag or 'type="application/ld+json"' in tag or " nonce=" in tag, (
            f"inline script without a nonce: {tag}"
        )
    assert not re.search(r"\son[a-z]+\s*=", html, re.IGNORECASE), "inline event handler"
    assert "javascript:" not in html


@pytest.fixture
def content(db):
    return {
        "news": NewsItemFactory(title="Headers news", slug="headers-news"),
        "meeting": MeetingFactory(title="Headers meeting", slug="headers-meeting"),
    }


PUBLIC_PAGES = [
    "/",
    "/news/",
    "/news/?q=police&sort=newest",
    "/news/headers-news/",
    "/meetings/",
    "/meetings/headers-meeting/",
    "/fields-of-work/",
    "/countries/",
    "/structures/",
    "/search/?q=headers",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_carry_every_security_header(client, content, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_security_headers(response)
    assert_no_unsafe_inline_script(response.content.decode())


@pytest.mark.parametrize("path", ["/news/feed/", "/sitemap.xml", "/robots.txt", "/healthz"])
def test_non_html_responses_are_nosniff_too(client, content, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response


def test_not_found_page_carries_the_headers(client):
    response = client.get("/news/no-such-item/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_server_error_page_carries_the_headers():
    client = Client(raise_request_exception=False)
    with mock.patch.object(HomeView, "get", side_effect=RuntimeError("boom")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()
    assert_security_headers(response)


def test_database_outage_page_carries_the_headers(client):
    with mock.patch.object(HomeView, "get", side_effect=OperationalError("gone")):
        response = client.get("/")
    assert response.status_code == 503
    assert_security_headers(response)


def test_wrong_host_is_a_400_with_the_headers(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    # Answered before the X-Frame-Options middleware; CSP's frame-ancestors covers framing.
    assert_security_headers(response, frame_options=False)


@pytest.mark.parametrize(
    "name", ["admin:login", "admin:index", "admin:news_newsitem_add", "admin:news_meeting_add"]
)
def test_admin_pages_carry_the_headers_and_no_inline_script(client, publisher, name):
    if name != "admin:login":
        client.force_login(publisher)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert_security_headers(response)
    assert_no_unsafe_inline_script(response.content.decode())


def test_admin_change_page_has_no_inline_script(client, publisher, content):
    client.force_login(publisher)
    for obj in content.values():
        opts = obj._meta
        response = client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )
        assert response.status_code == 200
        assert_security_headers(response)
        assert_no_unsafe_inline_script(response.content.decode())


def test_session_and_csrf_cookies_are_lax_and_the_session_http_only(client, publisher):
    response = client.get(reverse("admin:login"))
    csrf = response.cookies["csrftoken"]
    assert csrf["samesite"] == "Lax"
    response = client.post(
        reverse("admin:login"),
        {"username": "publisher", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"


@pytest.mark.urls("tests.security.media_urls")
def test_uploaded_media_is_served_nosniff(client, settings):
    upload = Path(settings.MEDIA_ROOT) / "news" / "sniff.jpg"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(b"<html><script>alert(1)</script></html>")
    response = client.get("/media/news/sniff.jpg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"


PRODUCTION_PROBE = """
import json, django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.contrib.auth import get_user_model
call_command("migrate", verbosity=0)
get_user_model().objects.create_user("probe", password="a long probe password", is_staff=True)
client = Client(HTTP_HOST="www.example.org")
# Nothing that renders a template: static URLs need collectstatic's manifest in production.
page = client.get("/healthz", secure=True)
login = client.post("/admin/login/", {"username": "probe", "password": "a long probe password"},
    secure=True)
plain = client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="http")
def cookie(response, name):
    morsel = response.cookies[name]
    return {key: morsel[key] for key in ("secure", "httponly", "samesite")}
print(json.dumps({
    "login_status": login.status_code,
    "hsts": page.get("Strict-Transport-Security"),
    "csrf": cookie(login, "csrftoken"),
    "session": cookie(login, "sessionid"),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
}))
"""


def test_production_sends_hsts_and_secure_cookies_and_redirects_to_https(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="osce_site.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="www.example.org",
        SITE_URL="https://www.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        LOG_LEVEL="ERROR",
    )
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["login_status"] == 302
    max_age = int(re.search(r"max-age=(\d+)", probe["hsts"]).group(1))
    assert max_age >= 183 * 24 * 3600
    assert "includeSubDomains" in probe["hsts"]
    assert probe["csrf"] == {"secure": True, "httponly": "", "samesite": "Lax"}
    assert probe["session"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert probe["plain_status"] == 301
    assert probe["plain_location"] == "https://www.example.org/robots.txt"
