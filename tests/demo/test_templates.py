"""Every sentence template can be told in every language it claims, in every grammatical form."""

import re

from core import languages
from demo import templates
from demo.data.topics import TOPICS
from demo.data.translations import TRANSLATIONS
from demo.languages import OTHER_LANGUAGES


def all_templates():
    pools = [*templates.TITLES.values(), *templates.PARAGRAPHS.values()]
    pools += [
        templates.STATEMENTS,
        templates.GENERIC,
        templates.LEAD_TEMPLATES,
        templates.STATEMENT_LEAD_TEMPLATES,
    ]
    return [*(template for pool in pools for template in pool), templates.FALLBACK_TITLE]


def test_every_translation_belongs_to_a_template_and_renders_in_every_form():
    every_template = all_templates()
    assert set(TRANSLATIONS) <= {template.english for template in every_template}
    values = dict.fromkeys(
        (
            name
            for template in every_template
            for _forms, needs in template.translations.values()
            for name in needs
        ),
        "x",
    )
    for template in every_template:
        if not template.translations:
            continue
        assert set(template.translations) == set(OTHER_LANGUAGES), template.english
        for language in OTHER_LANGUAGES:
            for form in range(4):
                text = template.render(language, form, values)
                assert not re.search(r"[\[\]{}|]", text), (template.english, language, text)


def test_every_topic_can_be_told_in_other_languages():
    for key in TOPICS:
        assert any(template.translations for template in templates.TITLES[key]), key
        assert any(
            template.translations and not template.needs - {"the_issuer"}
            for template in templates.PARAGRAPHS[key]
        ), key
    assert set(OTHER_LANGUAGES) | {"en"} == set(languages.codes())
