"""The admin's scripts speak the admin's language: every gettext() string of our scripts, and
the rich-text editor's own English button titles, are in every djangojs catalogue, and the
admin's JavaScript catalogue serves them."""

import re

import pytest
from babel.messages.pofile import read_po
from django.contrib import admin
from django.utils import translation

from tests.i18n.catalogues import ROOT

SCRIPTS = [
    ROOT / "static/admin_richtext/extensions.js",
    ROOT / "static/admin_osce/language_switch.js",
    ROOT / "static/admin_osce/slug_prefill.js",
    ROOT / "static/admin_osce/publishing_choice.js",
]
# django-prose-editor's menu titles, English in its code (extensions.js translates them).
LIBRARY_TITLES = ["bold", "italic", "insert link", "Insert table", "unordered list", "undo"]
GETTEXT = re.compile(r"""\b(?:gettext|t)\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]""")
NGETTEXT = re.compile(r"""\bngettext\(\s*"((?:[^"\\]|\\.)*)\"""")
LANGUAGES = ["de", "es", "fr", "it", "ru"]


def script_messages():
    found = set(LIBRARY_TITLES)
    for path in SCRIPTS:
        source = path.read_text(encoding="utf-8")
        found |= set(GETTEXT.findall(source)) | set(NGETTEXT.findall(source))
    return found


def test_the_scripts_have_strings_to_translate():
    assert {"Link to a page on this site", "Language of the translated fields"} <= (
        script_messages()
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_script_string_is_translated(language):
    path = ROOT / "locale" / language / "LC_MESSAGES" / "djangojs.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=language)
    translated = {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in catalog
        if message.id
        and (all(message.string) if isinstance(message.string, tuple) else message.string)
    }
    assert sorted(script_messages() - translated) == []


def test_the_admins_javascript_catalogue_serves_them(rf):
    with translation.override("de"):
        response = admin.site.i18n_javascript(rf.get("/admin/jsi18n/"))
    text = response.content.decode()
    assert '"Link to a page on this site": "Auf eine Seite dieser Website verlinken"' in text
    assert '"bold": "Fett"' in text
