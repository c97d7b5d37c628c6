"""What the site accepts as a PDF, and the text it reads out of one (pypdf).

An upload is refused unless it is a PDF by its bytes, not its name: it starts with the PDF
header, pypdf parses it and counts its pages, and it is not encrypted (a visitor could not
read it, nor the site extract its text). Extraction is bounded in time and characters, so a
huge or pathological file cannot hold a worker for long nor fill the database.
"""

import io
import logging
import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_FILE_SIZE = 50 * 1024 * 1024
MAX_TEXT_CHARACTERS = 1_000_000
MAX_EXTRACTION_SECONDS = 120
PDF_MAGIC = b"%PDF-"
# A PDF's header may follow a little junk (the specification allows it within the first KB).
HEADER_WINDOW = 1024

# pypdf logs every oddity of a damaged file as a warning: the refusal says what matters.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _read(uploaded):
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def _reader(data):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data), strict=False)


def validate_pdf(uploaded):
    """Refuse anything but a readable, unencrypted PDF of at most 50 MB, with a reason the
    editor can act on."""
    if uploaded is None:
        return
    size = getattr(uploaded, "size", None)
    if size is not None and size > MAX_FILE_SIZE:
        raise ValidationError(
            _("This file is %(size)s: a PDF may be at most %(limit)s. Compress it or split it."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_FILE_SIZE)},
        )
    data = _read(uploaded)
    if PDF_MAGIC not in data[:HEADER_WINDOW]:
        raise ValidationError(
            _("This file is not a PDF, whatever its name says: upload the document as a PDF."),
            code="not_pdf",
        )
    from pypdf.errors import PyPdfError

    try:
        reader = _reader(data)
        if reader.is_encrypted:
            raise ValidationError(
                _(
                    "This PDF is encrypted or password-protected: visitors could not open it. "
                    "Save it again without a password."
                ),
                code="encrypted",
            )
        if len(reader.pages) < 1:
            raise ValueError("no pages")
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
        raise ValidationError(
            _("This PDF is damaged and cannot be read: export it again and upload the new file."),
            code="unreadable",
        ) from None


@dataclass
class Extraction:
    text: str
    pages: int
    truncated: bool


class ExtractionFailed(Exception):
    pass


def extract_text(data, *, max_characters=MAX_TEXT_CHARACTERS, max_seconds=MAX_EXTRACTION_SECONDS):
    """The text of each page, joined by blank lines, up to `max_characters` and
    `max_seconds` (what was read by then is kept and `truncated` says so)."""
    from pypdf.errors import PyPdfError

    started = time.monotonic()
    try:
        reader = _reader(data)
        if reader.is_encrypted:
            raise ExtractionFailed("The PDF is encrypted.")
        pages = len(reader.pages)
        parts, total, truncated = [], 0, False
        for page in reader.pages:
            if time.monotonic() - started > max_seconds:
                truncated = True
                break
            text = (page.extract_text() or "").strip()
            if total + len(text) > max_characters:
                parts.append(text[: max_characters - total])
                truncated = True
                break
            parts.append(text)
            total += len(text) + 2
    except ExtractionFailed:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as e:
        raise ExtractionFailed(f"The PDF could not be read: {e}") from None
    return Extraction("\n\n".join(part for part in parts if part), pages, truncated)
