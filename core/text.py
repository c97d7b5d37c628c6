"""Text hygiene shared by every app: what editors paste is cleaned before it is stored."""

import re

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

# C0 control characters except tab, newline and carriage return: they break XML feeds and
# are never meaningful in content.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def strip_control_characters(value):
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    return value


# The default SITE_NAME, marked so that the catalogues carry its translations (the settings
# module cannot call gettext_noop: translation reads the settings being loaded).
DEFAULT_SITE_NAME = gettext_noop("OSCE")


def site_name():
    """The organisation's name in the active language: the configured SITE_NAME, translated
    when the catalogues know it ("OSCE" is "OSZE" in German, "ОБСЕ" in Russian)."""
    return gettext(settings.SITE_NAME)
