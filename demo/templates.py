"""Sentence templates: an English pattern with its translations, spelled out once per
grammatical form of the subject, and which of them an item can fill in all its languages."""

import re
import string
from dataclasses import dataclass

from demo.data.sentences import (
    GENERIC_PARAGRAPHS,
    LEADS,
    STATEMENT_LEADS,
    STATEMENT_TITLES,
)
from demo.data.topics import TOPICS
from demo.data.translations import TRANSLATIONS
from demo.languages import FEMININE, MASCULINE, NEUTER, PLURAL


def _needs(template):
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")


def _forms(template):
    """The template once for each form of its subject (MASCULINE, FEMININE, NEUTER, PLURAL):
    "[m|f|n|pl]" as written, "[m|f|pl]" with neuter as masculine, "[singular|plural]"."""

    def written(form):
        def choose(match):
            options = match.group(1).split("|")
            if len(options) == 2:
                return options[form == PLURAL]
            if len(options) == 3:
                return options[(0, 1, 0, 2)[form]]
            return options[form]

        return _ALTERNATIVES.sub(choose, template)

    return tuple(written(form) for form in (MASCULINE, FEMININE, NEUTER, PLURAL))


@dataclass(frozen=True)
class Template:
    """An English pattern, the placeholders it needs, and per language its translation in each
    form of the subject with the placeholders that needs."""

    english: str
    needs: frozenset
    translations: dict

    def render(self, language, form, values):
        return self.translations[language][0][form].format(**values)


def _template(english):
    translations = {
        language: (_forms(text), _needs(text))
        for language, text in TRANSLATIONS.get(english, {}).items()
    }
    return Template(english, _needs(english), translations)


def _templates(patterns):
    return tuple(_template(pattern) for pattern in patterns)


TITLES = {key: _templates(topic.titles) for key, topic in TOPICS.items()}
PARAGRAPHS = {key: _templates(topic.paragraphs) for key, topic in TOPICS.items()}
STATEMENTS = _templates(STATEMENT_TITLES)
GENERIC = _templates(GENERIC_PARAGRAPHS)
LEAD_TEMPLATES = _templates(LEADS)
STATEMENT_LEAD_TEMPLATES = _templates(STATEMENT_LEADS)
FALLBACK_TITLE = _template("{issuer} holds meeting on {phrase}")


def usable(templates, context, local=None):
    """The templates an item can fill in English and in each of its other languages
    (`local`: language -> (form, values))."""
    keys = context.keys()
    if not local:
        return [template for template in templates if template.needs <= keys]
    return [
        template
        for template in templates
        if template.needs <= keys
        and all(
            language in template.translations
            and template.translations[language][1] <= values.keys()
            for language, (_form, values) in local.items()
        )
    ]
