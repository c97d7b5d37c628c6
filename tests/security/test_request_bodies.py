"""Visitors' pages refuse request bodies before reading them (osce_site.request_bodies).

The clients here enforce CSRF as a browser's request meets it, and carry a CSRF cookie of the
right shape: that is what made CsrfViewMiddleware read `request.POST` (and write a multipart
file to disk in full) before its 403.
"""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import (
    MemoryFileUploadHandler,
    TemporaryFileUploadHandler,
)
from django.http.multipartparser import MultiPartParser
from django.test import Client

from osce_site.request_bodies import PublicMethodsMiddleware

UPLOAD_SIZE = 6 * 1024 * 1024  # above FILE_UPLOAD_MAX_MEMORY_SIZE: it would go to a temp file
PUBLIC_PATHS = ["/news/", "/ru/news/", "/", "/healthz", "/search/?q=osce", "/news/feed/"]


@pytest.fixture
def browser():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    return client


@pytest.fixture
def upload_watch(settings, tmp_path):
    """Records every step that would read a multipart body or store a file part."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    calls = []

    def spy(cls, name):
        original = getattr(cls, name)

        def wrapper(self, *args, **kwargs):
            calls.append(f"{cls.__name__}.{name}")
            return original(self, *args, **kwargs)

        return mock.patch.object(cls, name, wrapper)

    with (
        spy(MultiPartParser, "parse"),
        spy(TemporaryFileUploadHandler, "new_file"),
        spy(TemporaryFileUploadHandler, "receive_data_chunk"),
        spy(MemoryFileUploadHandler, "receive_data_chunk"),
    ):
        yield {"calls": calls, "temp_dir": tmp_path}


def big_file():
    return SimpleUploadedFile("big.bin", b"\0" * UPLOAD_SIZE, "application/octet-stream")


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_a_file_posted_to_a_public_page_is_refused_unread(browser, upload_watch, path):
    response = browser.post(path, {"file": big_file(), "csrfmiddlewaretoken": "a" * 32})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert upload_watch["calls"] == []
    assert list(upload_watch["temp_dir"].iterdir()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_unsafe_methods_on_public_pages_are_refused_unread(browser, upload_watch, method):
    response = getattr(browser, method)(
        "/news/", b"x" * UPLOAD_SIZE, content_type="application/octet-stream"
    )
    assert response.status_code == 405
    assert upload_watch["calls"] == []


def test_the_body_is_never_touched():
    """The middleware answers from the method and the path alone."""

    class Untouchable:
        method = "POST"
        path = "/news/"

        def __getattr__(self, name):
            raise AssertionError(f"request.{name} was read")

    response = PublicMethodsMiddleware(lambda request: pytest.fail("passed on"))(Untouchable())
    assert response.status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/news/", "/healthz", "/ru/news/"])
def test_safe_methods_still_reach_the_pages(client, path):
    assert client.get(path).status_code == 200
    assert client.head(path).status_code == 200


@pytest.mark.django_db
def test_the_admin_still_takes_forms(browser, editor, upload_watch):
    """A POST to the admin gets past the middleware and is judged by CSRF as before."""
    response = browser.post(
        "/admin/login/", {"username": "editor", "password": "x", "csrfmiddlewaretoken": "b" * 32}
    )
    assert response.status_code == 403
    assert "MultiPartParser.parse" in upload_watch["calls"]

    client = Client()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    response = client.post("/admin/logout/")
    assert response.status_code == 200
