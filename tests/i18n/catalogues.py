"""What the interface says, read from the source the way `makemessages` reads it, without GNU
gettext: templates through Django's own `templatize`, Python through Babel's extractor.

Two checks build on it: every message has a translation in every language's catalogue, and
no template holds visitor-facing words outside `{% translate %}`/`{% blocktranslate %}`.
"""

import re
from io import BytesIO
from pathlib import Path

from babel.messages.extract import extract_python
from babel.messages.pofile import read_po
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / "templates"]
PYTHON_DIRS = [
    ROOT / "countries",
    ROOT / "structures",
    ROOT / "news",
    ROOT / "alerts",
    ROOT / "projects",
    ROOT / "field_operations",
    ROOT / "documents",
    ROOT / "media_library",
    ROOT / "pages",
    ROOT / "osce_site",
    ROOT / "redirects",
]
KEYWORDS = {
    "_": None,
    "gettext_noop": None,
    "gettext": None,
    "gettext_lazy": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _messages_in(source):
    """The msgids (singular forms) of the gettext calls in Python source."""
    for _line, function, message, _comments in extract_python(
        BytesIO(source.encode("utf-8")), KEYWORDS, [], {}
    ):
        if not isinstance(message, tuple):
            message = (message,)
        msgid = message[1] if function.startswith(("pgettext", "npgettext")) else message[0]
        if msgid:
            yield msgid


def _python_files():
    for directory in PYTHON_DIRS:
        for path in sorted(directory.rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def template_files():
    for directory in TEMPLATE_DIRS:
        yield from sorted(directory.rglob("*.html"))
        yield from sorted(directory.rglob("*.txt"))


def source_messages():
    """{msgid: first place it was found} for every translatable string of the project."""
    found = {}
    for path in template_files():
        # `templatize` keeps the template's line layout, which is not valid Python layout;
        # each line on its own is (every gettext() call it writes is on one line).
        python = "\n".join(
            line.strip()
            for line in templatize(path.read_text(encoding="utf-8"), origin=str(path)).splitlines()
        )
        for message in _messages_in(python):
            found.setdefault(message, path.relative_to(ROOT))
    for path in _python_files():
        for message in _messages_in(path.read_text(encoding="utf-8")):
            found.setdefault(message, path.relative_to(ROOT))
    return found


def catalogue(language):
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as source:
        return read_po(source, locale=language)


# Words in running text (two letters or more), once markup, entities and template tags are
# gone; and the attributes whose values people read or hear.
_WORD = re.compile(r"[^\W\d_]{2,}")
_READABLE_ATTRIBUTES = re.compile(
    r"""\b(alt|title|placeholder|aria-label|aria-description|value)\s*=\s*"([^"]*)\""""
)
_TAG = re.compile(r"<[^>]*>", re.S)
_ENTITY = re.compile(r"&[#\w]+;")
_SKIPPED_ELEMENTS = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_TRANSLATED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}
# A template tag or variable: no words of its own (what it outputs is checked elsewhere).
_PLACEHOLDER = "\u2022"


def _skeleton(source):
    """The template's literal text with every tag and variable replaced by a placeholder and
    translated blocks and comments removed, so markup can be read across tags."""
    parts = []
    inside = None
    in_comment = False
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.COMMENT:
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.split_contents()[0]
            if name == "comment":
                in_comment = True
            elif name == "endcomment":
                in_comment = False
            elif name in _TRANSLATED_BLOCKS:
                inside = _TRANSLATED_BLOCKS[name]
            elif name == inside:
                inside = None
            if not in_comment:
                parts.append(_PLACEHOLDER)
            continue
        if in_comment or inside:
            continue
        if token.token_type == TokenType.VAR:
            parts.append(_PLACEHOLDER)
        else:
            parts.append(token.contents)
    return "".join(parts)


def untranslated_text(path):
    """Visitor-facing text in a template that is not marked for translation."""
    skeleton = _SKIPPED_ELEMENTS.sub(" ", _skeleton(path.read_text(encoding="utf-8")))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    problems = []
    for tag in _TAG.findall(skeleton):
        for attribute, value in _READABLE_ATTRIBUTES.findall(tag):
            if _WORD.search(value.replace(_PLACEHOLDER, " ")) and not (
                attribute == "value" and "type=" not in tag
            ):
                problems.append(f"{where}: {attribute}={value!r}")
    prose = _ENTITY.sub(" ", _TAG.sub(" ", skeleton)).replace(_PLACEHOLDER, " ")
    for line in prose.splitlines():
        if _WORD.search(line):
            problems.append(f"{where}: text {' '.join(line.split())[:80]!r}")
    return problems
