"""Uploaded images: what is accepted, and the names they are stored under.

Validation: the file is what its name says, and small enough to handle. Pillow is given an
explicit list of formats so a renamed SVG, HTML page or exotic format is never parsed by a
plugin we did not choose.

Names: an upload is stored under `random_image_name()`, so nothing of the uploaded file's name
is kept. What is kept of its content is decided in news.image_rewrite (re-encoded from its
pixels) and news.image_metadata (what counts as metadata); `news.models.ImageFileField` applies
both to every file saved through the field.
"""

import posixpath
import re
import secrets
import warnings
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
FORMAT_BY_EXTENSION = {
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
    "gif": "GIF",
}
ALLOWED_FORMATS = sorted(set(FORMAT_BY_EXTENSION.values()))
EXTENSION_BY_FORMAT = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def too_many_pixels():
    return ValidationError(
        _("The image has too many pixels: at most %(limit)s megapixels, all frames counted."),
        code="pixels",
        params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
    )


def not_an_image():
    return ValidationError(
        _("The file is not a valid JPEG, PNG, WebP or GIF image, or it is damaged."),
        code="invalid_image",
    )


def validate_image_upload(upload):
    """Raise ValidationError with a message an editor can act on; never let Pillow crash out."""
    name = getattr(upload, "name", "") or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in FORMAT_BY_EXTENSION:
        raise ValidationError(
            _("Upload a JPEG, PNG, WebP or GIF image (.jpg, .jpeg, .png, .webp or .gif)."),
            code="extension",
        )
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is too large: at most %(limit)s MB."),
            code="file_size",
            params={"limit": MAX_IMAGE_BYTES // (1024 * 1024)},
        )
    expected = FORMAT_BY_EXTENSION[extension]
    pixels_error = too_many_pixels()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload, formats=ALLOWED_FORMATS) as image:
                if image.format != expected:
                    raise ValidationError(
                        _("The file is a %(actual)s image but its name ends in .%(extension)s."),
                        code="format_mismatch",
                        params={"actual": image.format, "extension": extension},
                    )
                frames = getattr(image, "n_frames", 1)
                if image.width * image.height * frames > MAX_IMAGE_PIXELS:
                    raise pixels_error
                image.load()
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise pixels_error from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise not_an_image() from None
    finally:
        upload.seek(0)
    return width, height


class ValidatedImageFormField(forms.ImageField):
    """Django's ImageField opens any format Pillow knows; this one applies our rules instead."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        validate_image_upload(upload)
        if hasattr(upload, "seek") and callable(upload.seek):
            upload.seek(0)
        return upload


# --- Stored names -------------------------------------------------------------------------

RANDOM_NAME = re.compile(r"(?:^|/)[0-9a-f]{32}\.(?:jpg|png|webp|gif)$")


def random_image_name(extension, directory=""):
    """`<directory>/<32 random hex digits>.<extension>`: says nothing of the uploaded file."""
    extension = extension.lower().lstrip(".")
    name = f"{secrets.token_hex(16)}.{extension}" if extension else secrets.token_hex(16)
    return posixpath.join(directory, name) if directory else name


def has_random_name(name):
    return bool(RANDOM_NAME.search(name or ""))


def image_bytes(source):
    """The bytes of `source` (a file or bytes), leaving a file where it was found."""
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if hasattr(source, "seek"):
        source.seek(0)
    content = source.read()
    if hasattr(source, "seek"):
        source.seek(0)
    return content
