"""Every interface string is marked for translation and translated in every language."""

import pytest
from django.conf import settings

from tests.i18n.catalogues import (
    catalogue,
    source_messages,
    template_files,
    untranslated_text,
)

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def test_no_template_holds_words_outside_translate_tags():
    problems = [problem for path in template_files() for problem in untranslated_text(path)]
    assert problems == []


def test_the_check_finds_unmarked_text_and_attributes(tmp_path):
    template = tmp_path / "page.html"
    template.write_text(
        '{% load i18n %}<p>{% translate "Marked" %}</p>\n'
        "<p>Left in English</p>\n"
        '<img src="x.png" alt="A photo of a meeting">\n'
        "{% blocktranslate %}Also marked{% endblocktranslate %}\n"
        "{% comment %}Not shown to anyone{% endcomment %}\n"
        '<input type="submit" value="Send">\n'
    )
    problems = " ".join(untranslated_text(template))
    assert "Left in English" in problems
    assert "A photo of a meeting" in problems
    assert "Send" in problems
    assert "Marked" not in problems
    assert "Not shown" not in problems


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_message_is_translated(language):
    translations = {}
    for message in catalogue(language):
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translations[msgid] = (message.fuzzy, all(strings))
    missing = {
        msgid: str(where) for msgid, where in source_messages().items() if msgid not in translations
    }
    assert missing == {}, f"run makemessages for {language} and translate: {missing}"
    incomplete = [msgid for msgid, (fuzzy, done) in translations.items() if fuzzy or not done]
    assert incomplete == []


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_plural_forms_match_the_language(language):
    expected = {"ru": 3, "fr": 2, "de": 2, "it": 2, "es": 2}[language]
    assert catalogue(language).num_plurals == expected
