"""Rich text: the limits and the allowlist sanitiser (the editor: `core.richtext_editor`).

Every path that stores rich text (the admin form, a hand-made POST, `import_news`, the shell)
ends in `sanitize_html`, because the model field sanitises in `pre_save`.
"""

import html
import re
from html.parser import HTMLParser

import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.richtext_editor import RichTextWidget
from core.text import strip_control_characters

MAX_HTML_BYTES = 500 * 1024
MAX_NESTING_DEPTH = 64

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "a", "blockquote", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start", "type"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr", "source"}


class SanitisedHtml(str):
    """Text known to be what `sanitize_html` returns, so a save need not clean it again.

    Only `sanitize_html` and generators whose markup is clean by construction (the demo, whose
    tests prove `sanitize_html(body) == body`) make one: a million demo items spent most of
    their Python time cleaning, three times each, bodies that were already clean."""


def sanitize_html(value):
    """Keep only the allowlisted structure; scripts, styles, event handlers, SVG, MathML,
    iframes and `javascript:`/`data:` URLs never survive."""
    if not value:
        return ""
    if isinstance(value, SanitisedHtml):
        return value
    cleaned = nh3.clean(
        strip_control_characters(value),
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return SanitisedHtml(accessible_tables(cleaned.strip()))


# A header cell, and what it may hold: anything but another row, cell or table.
_HEADER_CELL = r"<th\b[^>]*>[^<]*(?:<(?!/?(?:t[rdh]|table)\b)[^<]*)*</th>"
_HEADER_ROW = re.compile(
    rf"<table>(?P<caption><caption>.*?</caption>)?<tbody>(?P<row><tr>(?:\s*{_HEADER_CELL})+\s*</tr>)",
    re.DOTALL,
)
_THEAD = re.compile(r"<thead>.*?</thead>", re.DOTALL)
_NO_SCOPE = re.compile(r"<th(?![^>]*\bscope=)(?=[\s>])")


def accessible_tables(cleaned):
    """Tables as screen readers navigate them: a first row of header cells becomes the
    table's `<thead>` (the editor, ProseMirror, keeps every row in `<tbody>`), and a header
    cell says what it heads (`scope`: its column in the head, its row in the body).
    Idempotent, on the sanitiser's own output."""
    if "<th" not in cleaned:
        return cleaned
    moved = _HEADER_ROW.sub(r"<table>\g<caption><thead>\g<row></thead><tbody>", cleaned)
    moved = moved.replace("</thead><tbody></tbody>", "</thead>")
    moved = _THEAD.sub(lambda head: _NO_SCOPE.sub('<th scope="col"', head.group()), moved)
    return _NO_SCOPE.sub('<th scope="row"', moved)


class _DepthMeter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.max_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_TAGS:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag):
        if tag not in VOID_TAGS:
            self.depth = max(0, self.depth - 1)


def check_html_limits(value):
    """Refuse oversized or absurdly nested HTML before it reaches the sanitiser."""
    if len(value.encode("utf-8", "surrogatepass")) > MAX_HTML_BYTES:
        raise ValidationError(
            _("The text is too long: at most %(limit)s KB of HTML is allowed."),
            code="too_long",
            params={"limit": MAX_HTML_BYTES // 1024},
        )
    meter = _DepthMeter()
    meter.feed(value)
    meter.close()
    if meter.max_depth > MAX_NESTING_DEPTH:
        raise ValidationError(
            _("The text is nested too deeply (more than %(limit)s levels)."),
            code="too_deep",
            params={"limit": MAX_NESTING_DEPTH},
        )


_BLANK_LINE = re.compile(r"\n\s*\n")
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def text_to_html(value):
    """Plain text to paragraphs: a blank line starts a new paragraph; HTML passes through."""
    if not value or _LOOKS_LIKE_HTML.search(value):
        return value or ""
    paragraphs = [p.strip() for p in _BLANK_LINE.split(value.replace("\r\n", "\n")) if p.strip()]
    return "".join("<p>{}</p>".format(html.escape(p).replace("\n", "<br>")) for p in paragraphs)


class RichTextFormField(forms.CharField):
    widget = RichTextWidget

    def to_python(self, value):
        value = super().to_python(value)
        return strip_control_characters(value)

    def clean(self, value):
        value = self.to_python(value)
        self.validate(value)
        if value:
            check_html_limits(value)
        value = sanitize_html(value)
        self.run_validators(value)
        return value

    def has_changed(self, initial, data):
        """Compared as stored: the sanitiser adds `rel` to links and the editor drops it, so
        comparing the raw strings would log "Changed Body" on every save of a body with a
        link."""
        if self.disabled:
            return False
        return sanitize_html(initial or "") != sanitize_html(self.to_python(data) or "")


def html_to_text(value):
    """The words of an HTML fragment, for search indexes and snippets."""
    if not value:
        return ""
    text = nh3.clean(
        re.sub(r"<(/?)(p|h[1-6]|li|blockquote|br|tr|td|th)\b", r" <\1\2", value), tags=set()
    )
    return " ".join(html.unescape(text).split())


class PlainTextField(models.TextField):
    """The plain text of another (rich-text) field, derived on every save — including
    `bulk_create`, which also calls `pre_save` — so full-text indexes never index markup."""

    def __init__(self, *args, source=None, **kwargs):
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        # A translated copy (body_text_ru, made by django-modeltranslation) reads its own
        # language's source (body_ru), never the active language's.
        language = getattr(self, "language", None)
        source = f"{self.source}_{language}" if language else self.source
        value = html_to_text(sanitize_html(getattr(model_instance, source) or ""))
        setattr(model_instance, self.attname, value)
        return value


class RichTextField(models.TextField):
    """A TextField whose value is sanitised on every save."""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value is None:  # a translation nobody wrote yet
            return value
        value = sanitize_html(value)
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})
