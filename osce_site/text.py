"""Text hygiene shared by every app: what editors paste is cleaned before it is stored."""

import re

# C0 control characters except tab, newline and carriage return: they break XML feeds and
# are never meaningful in content.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def strip_control_characters(value):
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    return value
