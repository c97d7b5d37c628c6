"""Each release keeps its own cached pages and fragments (core.release): after a deploy
no app server serves markup, static file names or index layouts of the code it replaced."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import release
from core.content_state import forget_state, state_key
from osce_site.page_cache import HEADER
from tests.factories import NewsItemFactory
from website.templatetags.navigation import get_menu_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(tmp_path, settings):
    """A copy of a project tree to fingerprint."""
    settings.BASE_DIR = tmp_path
    (tmp_path / "news").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "news" / "views.py").write_text("VIEW = 1\n")
    (tmp_path / "templates" / "base.html").write_text("<html></html>\n")
    release.code_fingerprint.cache_clear()
    yield tmp_path
    release.code_fingerprint.cache_clear()


def fingerprint():
    release.code_fingerprint.cache_clear()
    return release.code_fingerprint()


class TestFingerprint:
    def test_it_is_stable_and_short(self, source):
        assert fingerprint() == fingerprint()
        assert len(fingerprint()) == 12

    def test_a_changed_template_or_module_is_another_release(self, source):
        before = fingerprint()
        (source / "templates" / "base.html").write_text("<html lang></html>\n")
        assert fingerprint() != before
        changed = fingerprint()
        (source / "news" / "cards.py").write_text("CARD = 1\n")
        assert fingerprint() != changed

    def test_compiled_files_do_not_count(self, source):
        before = fingerprint()
        (source / "news" / "__pycache__").mkdir()
        (source / "news" / "__pycache__" / "views.cpython-312.pyc").write_bytes(b"\0")
        (source / "news" / "django.mo").write_bytes(b"\0")
        assert fingerprint() == before

    def test_the_release_setting_names_it_when_set(self, settings, source):
        settings.RELEASE = "3f2c9e1"
        assert release.release() == "3f2c9e1"
        settings.RELEASE = ""
        assert release.release() == fingerprint()


class TestKeys:
    def test_the_content_state_differs_between_releases(self, settings):
        settings.RELEASE = "one"
        first = state_key()
        settings.RELEASE = "two"
        forget_state()
        second = state_key()
        assert first != second
        assert first.split(".", 1)[1] == second.split(".", 1)[1]

    def test_a_page_stored_by_one_release_is_not_served_by_the_next(self, settings):
        settings.PAGE_CACHE = True
        NewsItemFactory(title="Border police trained")
        settings.RELEASE = "one"
        Client().get("/news/")
        assert Client().get("/news/")[HEADER] == "HIT"
        settings.RELEASE = "two"
        forget_state()
        assert Client().get("/news/")[HEADER] == "MISS"
        assert Client().get("/news/")[HEADER] == "HIT"

    def test_the_menu_is_rendered_again_for_a_new_release(self, settings):
        """Rendering the menu reads the structures; a stored menu reads nothing."""
        settings.RELEASE = "one"
        get_menu_html()
        with CaptureQueriesContext(connection) as stored:
            get_menu_html()
        settings.RELEASE = "two"
        with CaptureQueriesContext(connection) as rendered:
            get_menu_html()
        assert len(stored) == 0
        assert len(rendered) > 0
