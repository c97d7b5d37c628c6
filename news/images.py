"""Uploaded images: validated, then stored with nothing that identifies their source.

Validation: the file is what its name says, and small enough to handle. Pillow is given an
explicit list of formats so a renamed SVG, HTML page or exotic format is never parsed by a
plugin we did not choose.

Privacy: `rewrite_image()` re-encodes an upload from its pixels alone — turned upright first,
then without EXIF (GPS, camera, serial numbers, maker notes), XMP, IPTC, comments or text
chunks; a colour profile is kept with its colour tags only (`clean_icc_profile()`). Palette,
transparency, bit depth, frames and their timing, and a JPEG's own quantisation are kept. The
result is stored under `random_image_name()`, so nothing of the uploaded file's name is kept
either (`news.models.ImageFileField` does both for every file saved through the field).
"""

import io
import posixpath
import re
import secrets
import struct
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError

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


def _too_many_pixels():
    return ValidationError(
        _("The image has too many pixels: at most %(limit)s megapixels, all frames counted."),
        code="pixels",
        params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
    )


def _not_an_image():
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
    too_many_pixels = _too_many_pixels()
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
                    raise too_many_pixels
                image.load()
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _not_an_image() from None
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


# --- Colour profiles ----------------------------------------------------------------------

# The tags that say how the pixels' numbers become colours (ICC.1:2022 and v2). Everything else
# — copyright, device manufacturer and model descriptions, characterisation targets (free
# text), calibration dates, video card gamma tables, Apple's and others' private tags — goes.
ICC_COLOUR_TAGS = frozenset(
    tag.encode("ascii")
    for tag in (
        "wtpt bkpt rXYZ gXYZ bXYZ rTRC gTRC bTRC kTRC chad chrm cicp lumi meas view ciis "
        "A2B0 A2B1 A2B2 A2B3 A2M0 B2A0 B2A1 B2A2 B2A3 D2B0 D2B1 D2B2 D2B3 B2D0 B2D1 B2D2 B2D3 "
        "gamt pre0 pre1 pre2 clro rig0 rig2"
    ).split()
)
ICC_DESCRIPTION = "Colour profile"
ICC_MAX_TAGS = 256
# Header bytes that describe where the profile came from rather than colour: preferred CMM,
# date, platform, device manufacturer, model and attributes, creator, profile ID, reserved.
ICC_ANONYMOUS_RANGES = ((4, 8), (24, 36), (40, 44), (48, 64), (80, 128))


def _icc_description(major_version):
    text = ICC_DESCRIPTION
    if major_version >= 4:  # multiLocalizedUnicodeType
        utf16 = text.encode("utf-16-be")
        return (
            b"mluc\0\0\0\0" + struct.pack(">II2s2sII", 1, 12, b"en", b"US", len(utf16), 28) + utf16
        )
    ascii_text = text.encode("ascii") + b"\0"  # v2 textDescriptionType, no Unicode/Mac text
    return b"desc\0\0\0\0" + struct.pack(">I", len(ascii_text)) + ascii_text + bytes(8 + 3 + 67)


def _profile_opens(profile):
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(profile))
    except (ImageCms.PyCMSError, OSError, TypeError, ValueError, AttributeError):
        return False
    return True


def clean_icc_profile(profile):
    """An ICC profile with its colour tags only, a neutral description and an anonymous header;
    None when there is no profile, it holds no colour tags, or it cannot be read (the picture
    is then taken as sRGB, as browsers do). Applied to its own output it changes nothing."""
    if not profile or len(profile) < 132 or profile[36:40] != b"acsp":
        return None
    try:
        (count,) = struct.unpack_from(">I", profile, 128)
        if count > ICC_MAX_TAGS:
            return None
        tags = []
        for index in range(count):
            signature, offset, size = struct.unpack_from(">4sII", profile, 132 + 12 * index)
            if signature in ICC_COLOUR_TAGS and size >= 8 and offset + size <= len(profile):
                tags.append((signature, profile[offset : offset + size]))
    except struct.error:
        return None
    if not tags:
        return None
    tags.append((b"desc", _icc_description(profile[8])))
    tags.sort()
    # Tags may share their data (rTRC, gTRC and bTRC often do): store each content once.
    table, data, offsets = [], bytearray(), {}
    start = 128 + 4 + 12 * len(tags)
    for signature, content in tags:
        if content not in offsets:
            offsets[content] = start + len(data)
            data += content + bytes(-len(content) % 4)
        table.append(struct.pack(">4sII", signature, offsets[content], len(content)))
    header = bytearray(profile[:128])
    for first, end in ICC_ANONYMOUS_RANGES:
        header[first:end] = bytes(end - first)
    body = struct.pack(">I", len(tags)) + b"".join(table) + bytes(data)
    header[0:4] = struct.pack(">I", 128 + len(body))
    cleaned = bytes(header) + body
    return cleaned if _profile_opens(cleaned) else None


# --- Rewriting ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RewrittenImage:
    content: bytes
    format: str
    extension: str
    width: int
    height: int


def _read(source):
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if hasattr(source, "seek"):
        source.seek(0)
    content = source.read()
    if hasattr(source, "seek"):
        source.seek(0)
    return content


def _frames(image):
    """Every frame turned upright, each a fresh image without any of the file's metadata, and
    the frames' durations."""
    frames, durations = [], []
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        frame = ImageOps.exif_transpose(image)  # a copy, whether it turned or not
        frame.info = {}
        frames.append(frame)
        durations.append(image.info.get("duration"))
    image.seek(0)
    return frames, durations


def _animation(frames, durations, info):
    if len(frames) == 1:
        return {}
    options = {
        "save_all": True,
        "append_images": frames[1:],
        "duration": [round(duration or 0) for duration in durations],
    }
    if info.get("loop") is not None:
        options["loop"] = info["loop"]
    return options


def _icc_option(info):
    profile = clean_icc_profile(info.get("icc_profile"))
    return {"icc_profile": profile} if profile else {}


def _jpeg(image, info, _content):
    frames, _durations = _frames(image)
    options = {"optimize": True, **_icc_option(info)}
    # Its own quantisation tables and chroma subsampling: re-encoding costs as little as it can.
    if getattr(image, "quantization", None):
        options["qtables"] = image.quantization
    sampling = JpegImagePlugin.get_sampling(image)
    if sampling != -1:
        options["subsampling"] = sampling
    if info.get("progressive") or info.get("progression"):
        options["progressive"] = True
    return frames[0], options


def _png(image, info, _content):
    frames, durations = _frames(image)
    options = {**_icc_option(info), **_animation(frames, durations, info)}
    if info.get("transparency") is not None:
        options["transparency"] = info["transparency"]
    # Colour chunks other than the profile, written back as they were read.
    chunks = PngImagePlugin.PngInfo()
    if info.get("srgb") is not None:
        chunks.add(b"sRGB", bytes([info["srgb"]]))
    if info.get("gamma"):
        chunks.add(b"gAMA", struct.pack(">I", round(info["gamma"] * 100_000)))
    if info.get("chromaticity"):
        chunks.add(b"cHRM", struct.pack(">8I", *(round(v * 100_000) for v in info["chromaticity"])))
    if chunks.chunks:
        options["pnginfo"] = chunks
    return frames[0], options


def _gif(image, info, _content):
    frames, durations = _frames(image)
    options = _animation(frames, durations, info)
    if info.get("transparency") is not None and frames[0].mode in ("P", "L"):
        options["transparency"] = info["transparency"]
    if len(frames) > 1 and any(frame.mode == "RGBA" for frame in frames):
        # Frames come whole and composited; clearing before each keeps transparent areas so.
        options["disposal"] = 2
    if info.get("background") is not None and len(frames) == 1:
        options["background"] = info["background"]
    return frames[0], options


def _webp_chunks(content, start, end):
    while start + 8 <= end:
        fourcc, size = struct.unpack_from("<4sI", content, start)
        yield fourcc, start + 8, size
        start += 8 + size + (size & 1)


def _webp_is_lossless(content):
    kinds = set()
    for fourcc, start, size in _webp_chunks(content, 12, len(content)):
        if fourcc == b"ANMF":
            kinds.update(f for f, _s, _z in _webp_chunks(content, start + 16, start + size))
        kinds.add(fourcc)
    return b"VP8L" in kinds and b"VP8 " not in kinds


def _webp(image, info, content):
    frames, durations = _frames(image)
    options = {**_icc_option(info), **_animation(frames, durations, info)}
    if _webp_is_lossless(content):
        options.update(lossless=True, method=4)
    else:
        options.update(quality=90, method=4)
    if len(frames) > 1:
        options.setdefault("loop", 0)
        if info.get("background") is not None:
            options["background"] = info["background"]
    return frames[0], options


WRITERS = {"JPEG": _jpeg, "PNG": _png, "GIF": _gif, "WEBP": _webp}


def rewrite_image(source):
    """The image in `source` (a file or bytes) re-encoded from its pixels, in its own format,
    without anything but colour and animation data. Raises ValidationError like the upload
    validation when it is not an image we accept."""
    content = _read(source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=ALLOWED_FORMATS) as image:
                if image.format not in WRITERS:
                    raise _not_an_image()
                frames = getattr(image, "n_frames", 1)
                if image.width * image.height * frames > MAX_IMAGE_PIXELS:
                    raise _too_many_pixels()
                image.load()
                info = dict(image.info)
                first, options = WRITERS[image.format](image, info, content)
                buffer = io.BytesIO()
                first.save(buffer, image.format, **options)
                output_format = image.format
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _not_an_image() from None
    return RewrittenImage(
        content=buffer.getvalue(),
        format=output_format,
        extension=EXTENSION_BY_FORMAT[output_format],
        width=first.width,
        height=first.height,
    )


# --- Finding metadata in stored files -----------------------------------------------------

# What Pillow reads from files it wrote itself, beyond metadata: format details, colour,
# transparency, animation. Anything else in `info` is metadata of some kind.
PLAIN_INFO_KEYS = frozenset(
    "jfif jfif_version jfif_unit jfif_density dpi aspect progressive progression adobe "
    "adobe_transform icc_profile transparency gamma chromaticity srgb interlace version "
    "background loop duration timestamp disposal blend bbox default_image".split()
)
# JPEG segments Pillow writes itself: JFIF, the colour profile, Adobe's colour transform.
PLAIN_JPEG_SEGMENTS = (("APP0", b"JFIF\0"), ("APP2", b"ICC_PROFILE\0"), ("APP14", b"Adobe"))


def _is_plain_segment(marker, data):
    return any(marker == plain and data.startswith(prefix) for plain, prefix in PLAIN_JPEG_SEGMENTS)


def metadata_found(source):
    """What in the image in `source` could identify its source ([] when nothing): "EXIF",
    "XMP", "IPTC", "comment", "colour profile" (one with more than colour data) or "other
    metadata". Raises ValidationError when it is not an image we accept."""
    content = _read(source)
    found = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=ALLOWED_FORMATS) as image:
                image.load()  # PNG text chunks may follow the pixels
                info = image.info
                text = dict(getattr(image, "text", None) or {})
                segments = getattr(image, "applist", [])
                if "exif" in info or "Raw profile type exif" in text or len(image.getexif()):
                    found.append("EXIF")
                if "xmp" in info or "XML:com.adobe.xmp" in text:
                    found.append("XMP")
                if "photoshop" in info or any(marker == "APP13" for marker, _ in segments):
                    found.append("IPTC")
                comments = text.keys() - {"XML:com.adobe.xmp", "Raw profile type exif"}
                if "comment" in info or comments or any(m == "COM" for m, _ in segments):
                    found.append("comment")
                profile = info.get("icc_profile")
                if profile and clean_icc_profile(profile) != profile:
                    found.append("colour profile")
                known = PLAIN_INFO_KEYS | {"exif", "xmp", "photoshop", "comment"} | text.keys()
                other_segments = [
                    marker
                    for marker, data in segments
                    if marker.startswith("APP")
                    and marker not in ("APP1", "APP13")
                    and not _is_plain_segment(marker, data)
                ]
                extension = info.get("extension")  # GIF: the last application extension
                if extension and bytes(extension[0]).startswith((b"NETSCAPE2.0", b"ANIMEXTS1.0")):
                    known |= {"extension"}  # the loop count
                if info.keys() - known or other_segments:
                    found.append("other metadata")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _not_an_image() from None
    return found
