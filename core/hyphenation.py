"""Soft hyphens in long words of titles shown in narrow boxes (cards, headings), per language.

Browsers hyphenate with `hyphens: auto` only where they ship a dictionary for the language,
and the Chromium of many Linux machines ships none: a long German word ("Sonderbeobachtungs-
mission") then breaks anywhere (`overflow-wrap: anywhere`) and reads as two words. Soft hyphens
(U+00AD) inserted on the server at the language's hyphenation points (pyphen, the dictionaries
of LibreOffice) give every browser the same correct breaks, with a visible hyphen at the break.

Display only: stored text, feeds, JSON, `<title>`, meta tags and the search index never get
them (a search for the word or a copied title must not carry invisible characters). Words of
at most `MIN_LENGTH` letters are left whole; each title is hyphenated once per process and
language (`lru_cache`).
"""

import re
from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
MIN_LENGTH = 12
LONG_WORD = re.compile(rf"\w{{{MIN_LENGTH + 1},}}")
# Tags of HTML that is already safe (a search result's <mark>s): their names and attributes
# are left alone, only the text between them is hyphenated.
TAG = re.compile(r"(<[^>]*>)")


@lru_cache(maxsize=16)
def _dictionary(language):
    code = (language or "").split("-")[0]
    if code not in pyphen.LANGUAGES:
        return None
    return pyphen.Pyphen(lang=code, left=3, right=3)


@lru_cache(maxsize=8192)
def soft_hyphenated(text, language):
    """`text` with soft hyphens at the hyphenation points of its words of more than
    `MIN_LENGTH` letters, in `language` (unchanged in a language pyphen does not know)."""
    dictionary = _dictionary(language)
    if dictionary is None or not LONG_WORD.search(text):
        return text
    return LONG_WORD.sub(lambda word: dictionary.inserted(word.group(), hyphen=SOFT_HYPHEN), text)


def soft_hyphenated_html(html, language):
    """The same for escaped HTML: only the text between tags changes."""
    return "".join(
        part if TAG.fullmatch(part) else soft_hyphenated(part, language) for part in TAG.split(html)
    )
