"""The editor can only make what the sanitiser keeps (core.richtext_editor vs core.richtext)."""

import pytest
from django_prose_editor.config import allowlist_from_extensions

from core.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, RichTextFormField, sanitize_html
from core.richtext_editor import EDITOR_EXTENSIONS, RichTextWidget

# The sanitiser sets `rel` on every link itself (link_rel), whatever the editor sent.
SET_BY_THE_SANITISER = {"a": {"rel"}}


def test_every_tag_the_editor_can_make_is_allowed():
    allowlist = allowlist_from_extensions(EDITOR_EXTENSIONS)
    assert allowlist["tags"] <= ALLOWED_TAGS


def test_every_attribute_the_editor_can_make_is_allowed():
    allowlist = allowlist_from_extensions(EDITOR_EXTENSIONS)
    for tag, attributes in allowlist["attributes"].items():
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | SET_BY_THE_SANITISER.get(tag, set())
        assert set(attributes) <= allowed, tag


def test_headings_are_the_sites_levels_and_links_cannot_open_new_windows():
    allowlist = allowlist_from_extensions(EDITOR_EXTENSIONS)
    assert {"h2", "h3", "h4"} <= allowlist["tags"]
    assert not {"h1", "h5", "h6"} & allowlist["tags"]
    assert "target" not in allowlist["attributes"]["a"]


def test_tables_with_header_scope_survive_the_sanitiser():
    table = (
        '<table><tbody><tr><th scope="col">Year</th><th scope="col" colspan="2">Visits</th></tr>'
        '<tr><td>2025</td><td rowspan="1">12</td><td style="color:red">3</td></tr></tbody></table>'
    )
    # The header row becomes the table's head (core.richtext.accessible_tables).
    assert sanitize_html(table) == (
        table.replace(' style="color:red"', "")
        .replace("<tbody><tr><th", "<thead><tr><th")
        .replace("</th></tr><tr>", "</th></tr></thead><tbody><tr>")
    )


@pytest.mark.django_db
def test_the_widget_names_the_chooser_and_the_sites_extensions(rf):
    html = RichTextWidget().render("body_en", "<p>Hi</p>", {"id": "id_body_en"})
    assert "data-django-prose-editor-configurable" in html
    assert "/admin/link-chooser/" in html
    assert "admin_richtext/extensions.js" in html
    assert "&lt;p&gt;Hi&lt;/p&gt;</textarea>" in html


def test_an_unchanged_body_with_a_link_is_not_a_change():
    field = RichTextFormField()
    stored = sanitize_html('<p>See <a href="https://www.osce.org/">the site</a>.</p>')
    assert not field.has_changed(stored, '<p>See <a href="https://www.osce.org/">the site</a>.</p>')
    assert field.has_changed(stored, '<p>See <a href="https://evil.example/">the site</a>.</p>')
