"""An entry's text in every language: its own `translations`, else the CLDR's name of a
country (Babel), else empty (the site then shows the English text with a notice)."""

from babel import Locale, UnknownLocaleError
from django.conf import settings

from website.taxonomy.files import clean_text


def other_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translated(entry, name, english, fallback=None):
    """`{name_en: english, name_fr: ..., ...}` from an entry's `translations`; a language the
    entry does not translate gets `fallback(language)` or stays empty."""
    values = {f"{name}_{settings.LANGUAGE_CODE}": english}
    translations = entry.get("translations") or {}
    for code in other_languages():
        value = clean_text((translations.get(code) or {}).get(name))
        if not value and fallback is not None:
            value = fallback(code) or ""
        values[f"{name}_{code}"] = value
    return values


def territory_name(iso_code, language):
    """The CLDR's name of a country in `language` (Babel), or None when it has none."""
    if not iso_code:
        return None
    try:
        return Locale.parse(language).territories.get(iso_code)
    except (UnknownLocaleError, ValueError):
        return None


def columns(name):
    """A translated field's columns, English first."""
    return [f"{name}_{code}" for code, _label in settings.LANGUAGES]
