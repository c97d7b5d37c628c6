"""Names in the order readers of each language expect, not in code-point order.

Sorting by code point (Python's `sorted`, SQLite's and PostgreSQL's "C" collation) puts every
accented or non-Latin capital after Z: "Österreich" after "Zypern", "États-Unis" after
"Zambie". The Unicode Collation Algorithm (pyuca, with its default table, the DUCET) sorts
letters with diacritics beside their base letters, which is what English, French, German,
Italian and Russian dictionaries do. Spanish alone among the site's languages treats a letter
differently (ñ after n), so it gets a small tailoring. Sorting happens in Python because the
lists are short (at most a few hundred names) and databases differ in the collations they
have.
"""

import functools
import unicodedata

from django.conf import settings
from django.utils import translation
from pyuca import Collator

# Spanish sorts ñ as a letter of its own after n (CLDR's es tailoring); the DUCET treats it as
# n with a tilde. Written as n followed by an unassigned code point (whose implicit weight is
# above every letter's), it sorts after every n-word with the same beginning and before o.
TAILORINGS = {"es": (("ñ", "n\U0010ffff"), ("Ñ", "N\U0010ffff"))}


@functools.cache
def _collator():
    """Reading the DUCET takes a moment: once per process."""
    return Collator()


def sort_key(text, language=None):
    """The key that sorts `text` for `language` (by default the active one)."""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    text = unicodedata.normalize("NFC", str(text))
    for letter, replacement in TAILORINGS.get(language, ()):
        text = text.replace(letter, replacement)
    return _collator().sort_key(text)


def collated(items, name=str, language=None):
    """`items` as a list sorted by `name(item)` for `language` (by default the active one)."""
    language = language or translation.get_language()
    return sorted(items, key=lambda item: sort_key(name(item), language))
