"""What in an image could identify where it came from: colour profiles cut down to their colour
data (`clean_icc_profile()`, used by news.image_rewrite) and the metadata found in a stored
file (`metadata_found()`, used by the clean_image_metadata command to find what to rewrite)."""

import io
import struct
import warnings

from PIL import Image, ImageCms, UnidentifiedImageError

from news.images import ALLOWED_FORMATS, image_bytes, not_an_image, too_many_pixels

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
    content = image_bytes(source)
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
        raise too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise not_an_image() from None
    return found
