"""Text hygiene shared by every app: what editors paste is cleaned before it is stored."""

import re

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

# The private-use characters that mark search highlights inside the database's output
# (search.backends turns them into <mark> after escaping); typed into content, they would
# open a highlight the text never closes.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\ue000", "\ue001"
# C0 control characters except tab, newline and carriage return (they break XML feeds and are
# never meaningful in content), and the highlight markers.
CONTROL_CHARACTERS = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f{HIGHLIGHT_START}{HIGHLIGHT_STOP}]")


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
