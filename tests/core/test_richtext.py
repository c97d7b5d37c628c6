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


def test_a_tables_header_row_becomes_its_head_with_scopes_and_its_caption_stays():
    """What the editor saves (every row in <tbody>, header cells with scope="col", the caption
    as the table's first child) is stored as screen readers navigate it."""
    edited = (
        "<table><caption>Visits by <strong>year</strong></caption><tbody>"
        '<tr><th scope="col"><p>Year</p></th><th scope="col"><p>Visits</p></th></tr>'
        "<tr><th><p>2024</p></th><td><p>12</p></td></tr></tbody></table>"
    )
    stored = sanitize_html(edited)
    assert stored == (
        "<table><caption>Visits by <strong>year</strong></caption><thead>"
        '<tr><th scope="col"><p>Year</p></th><th scope="col"><p>Visits</p></th></tr></thead>'
        '<tbody><tr><th scope="row"><p>2024</p></th><td><p>12</p></td></tr></tbody></table>'
    )
    assert sanitize_html(str(stored)) == stored, "cleaning it again changes nothing"


def test_a_table_without_a_header_row_keeps_its_rows_in_the_body():
    mixed = "<table><tr><th>a</th><td>b</td></tr><tr><th>c</th></tr></table>"
    assert sanitize_html(mixed) == (
        '<table><tbody><tr><th scope="row">a</th><td>b</td></tr>'
        '<tr><th scope="row">c</th></tr></tbody></table>'
    )
    only_head = sanitize_html("<table><tr><th>Only</th></tr></table>")
    assert only_head == '<table><thead><tr><th scope="col">Only</th></tr></thead></table>'


def test_a_public_tables_scrolling_box_is_named_after_its_caption():
    from core.templatetags.rich_text import rich_text

    shown = rich_text(
        sanitize_html("<table><caption>Budget 2025</caption><tr><th>A</th></tr></table>")
    )
    assert 'role="region" tabindex="0" aria-label="Table: Budget 2025 (scrolls sideways)"' in shown
    assert "<caption>Budget 2025</caption>" in shown
    plain = rich_text(sanitize_html("<table><tr><td>A</td></tr></table>"))
    assert 'aria-label="Table (scrolls sideways)"' in plain
