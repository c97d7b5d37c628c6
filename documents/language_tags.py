"""Language tags of document files (BCP 47: `en`, `ru`, `sr-Latn`, `pt-BR`, `uk`). A document
may exist in languages the site itself is not written in, so a file's language is a tag, not
one of the site's six; its name is shown in that language itself (babel), as a language
switcher shows it, so a reader finds their own language whatever the page's."""

import re

from babel import Locale, UnknownLocaleError
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def normalise(tag):
    """`EN-gb` -> `en-GB`, `sr-latn` -> `sr-Latn`: the case BCP 47 recommends."""
    parts = (tag or "").strip().replace("_", "-").split("-")
    result = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            result.append(part.title())
        elif len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            result.append(part.upper())
        else:
            result.append(part.lower())
    return "-".join(result)


def validate_tag(tag):
    if not _TAG.match(tag or "") or _locale(normalise(tag)) is None:
        raise ValidationError(
            _("Give the file's language as a code such as en, ru, sr-Latn or pt-BR."),
            code="invalid_language",
        )


def _locale(tag):
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def primary(tag):
    """The language without region or script: `pt-BR` -> `pt`."""
    return normalise(tag).split("-")[0]


def name_in_itself(tag):
    """ "Русский" for `ru`, "srpski (latinica)" for `sr-Latn`; the tag when babel has no name."""
    locale = _locale(normalise(tag))
    name = locale.get_display_name(locale) if locale else None
    return (name[:1].upper() + name[1:]) if name else tag
