"""Document symbols, the organisation's references for official documents (`PC.DEC/1162`,
`MC.DOC/1/06`, `SEC.GAL/12/20/Rev.1`): how one is written, and the key it is found by.

People write them with stray spaces ("PC.DEC / 1162") and in any case ("pc.dec/1162"): the
stored symbol is the typed one tidied, the key is that in capitals, so every spelling finds
the same document and two documents cannot share one.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 80
_SPACES = re.compile(r"\s+")
_AROUND_SEPARATORS = re.compile(r"\s*([./])\s*")
_ALLOWED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./\- ()]*$")


def tidy(symbol):
    """The symbol as shown: no spaces around "/" or ".", runs of spaces as one."""
    text = _SPACES.sub(" ", (symbol or "").strip())
    return _AROUND_SEPARATORS.sub(r"\1", text)


def well_formed(symbol):
    """Whether any document could have this symbol: a lookup by anything else (a NUL byte from
    a made-up URL, which PostgreSQL refuses in text) is a miss without asking the database."""
    return bool(_ALLOWED.match(tidy(symbol)))


def key(symbol):
    """What a symbol is looked up and kept unique by."""
    return tidy(symbol).upper()


def validate_symbol(symbol):
    text = tidy(symbol)
    if text and (len(text) > MAX_LENGTH or not _ALLOWED.match(text)):
        raise ValidationError(
            _(
                "Write the symbol as the organisation does, with letters, digits, dots and "
                "slashes, for example PC.DEC/1162."
            ),
            code="invalid_symbol",
        )
