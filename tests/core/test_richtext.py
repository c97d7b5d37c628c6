"""The sanitiser's marker for text it already cleaned: a save skips a second pass, and nothing
else earns the skip."""

import pytest

from core.richtext import SanitisedHtml, sanitize_html
from tests.factories import NewsItemFactory

HOSTILE = '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:x">a</a></p>'


def test_sanitised_text_is_marked_and_cleaning_it_again_changes_nothing():
    once = sanitize_html(HOSTILE)
    assert isinstance(once, SanitisedHtml)
    assert "script" not in once and "onclick" not in once and "javascript" not in once
    assert sanitize_html(once) is once
    assert sanitize_html(str(once)) == once


def test_editing_a_marked_value_loses_the_mark():
    """Any string operation returns a plain `str`, so appended markup is cleaned on save."""
    edited = sanitize_html("<p>ok</p>") + "<script>alert(1)</script>"
    assert type(edited) is str
    assert "script" not in sanitize_html(edited)


@pytest.mark.django_db
def test_a_saved_plain_string_is_cleaned_and_its_text_derived():
    item = NewsItemFactory(body=HOSTILE)
    item.refresh_from_db()
    assert "script" not in item.body and "onclick" not in item.body
    assert item.body_text == "Hi a"
