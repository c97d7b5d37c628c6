"""Image renditions: every uploaded image is served only as resized copies made for its slot.

Each slot (a card in a listing, the hero image of an item page) gets a few widths, as WebP and
as a JPEG fallback, made once with Pillow and kept under
`renditions/<hash of the original's name>/<slot>-<width>.<ext>` in the same place as the
original, public or private (news.media_privacy moves them together). An original's name is random
(news.images.random_image_name), so the folder derives from that random id: nothing of the
uploaded file's name is in it, and guessing a name confirms nothing. What was made is described in
`NewsItem.image_renditions` (names, widths, heights, formats), so a page that shows a hundred
pictures touches neither the storage nor Pillow: it only formats URLs.

`build_renditions()` is idempotent — a rendition already in storage is reused, not re-encoded —
so it serves the save hook, the `build_renditions` command and bulk imports alike.
"""

import hashlib
import io
import logging
import warnings

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from core.private_media import public_or_private
from news import library_images
from news.images import ALLOWED_FORMATS

logger = logging.getLogger(__name__)

SLOTS = {
    # Cards: a 16:9 crop from the centre, so listings line up whatever the originals' shapes.
    "card": {"widths": (400, 800), "aspect": (16, 9)},
    # The item page: the whole picture, its own proportions.
    "hero": {"widths": (800, 1200, 1600), "aspect": None},
}
ENCODINGS = (
    ("webp", "WEBP", {"quality": 80, "method": 4}),
    ("jpg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}),
)
MIME_TYPES = {"webp": "image/webp", "jpg": "image/jpeg"}
# EXIF orientations that turn the picture a quarter: width and height trade places.
QUARTER_TURNS = {5, 6, 7, 8}
BACKGROUND = (255, 255, 255)
RENDITIONS_ROOT = "renditions"


class RenditionError(Exception):
    """The original could not be read or turned into renditions."""


# What Pillow raises for a missing, damaged or oversized original.
UNREADABLE = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)


def rendition_folder(name):
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:24]
    return f"{RENDITIONS_ROOT}/{digest}"


def _oriented_size(image):
    width, height = image.size
    if image.getexif().get(0x0112) in QUARTER_TURNS:
        return height, width
    return width, height


def _plan(width, height):
    """(slot, output width, output height) for every rendition, never enlarging the original."""
    plan = []
    for slot, spec in SLOTS.items():
        if spec["aspect"]:
            ratio_w, ratio_h = spec["aspect"]
            usable_width = min(width, height * ratio_w // ratio_h)
        else:
            ratio_w, ratio_h = width, height
            usable_width = width
        widths = [w for w in spec["widths"] if w <= usable_width] or [usable_width]
        for w in widths:
            plan.append((slot, w, max(1, round(w * ratio_h / ratio_w))))
    return plan


def _prepared(image):
    """The first frame, turned upright, as RGB on a white background (JPEG has no alpha),
    carrying none of the original's metadata: Pillow would write some of it (a JPEG comment)
    into every rendition."""
    image.seek(0)
    upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "P", "PA") or "transparency" in upright.info:
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
    else:
        flat = upright.convert("RGB")
    flat.info = {}
    return flat


def _centering(size, crop, focal):
    """ImageOps.fit's centering that puts the focal point (a fraction) in the middle of the
    crop, as near as the picture's edges allow."""
    if focal is None:
        return 0.5
    spare = size - crop
    if spare <= 0:
        return 0.5
    return min(max(focal * size - crop / 2, 0), spare) / spare


def _render(image, slot, width, height, focal=None):
    if SLOTS[slot]["aspect"]:
        centering = (0.5, 0.5)
        if focal is not None:
            crop_width = min(image.width, image.height * width / height)
            crop_height = min(image.height, image.width * height / width)
            centering = (
                _centering(image.width, crop_width, focal[0]),
                _centering(image.height, crop_height, focal[1]),
            )
        return ImageOps.fit(
            image, (width, height), method=Image.Resampling.LANCZOS, centering=centering
        )
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def focal_suffix(focal):
    """Part of a cropped rendition's name: each focal point has its own crops, so a moved one
    never reuses the crops of the last."""
    if focal is None:
        return ""
    return f"-f{round(focal[0] * 1000):04d}x{round(focal[1] * 1000):04d}"


def build_renditions(name, storage=None, focal=None):
    """Make (or find) every rendition of the stored image `name` and describe them; the cropped
    slots (cards) are cut around `focal` (x, y as fractions of the width and height; None for
    the centre), the media library's focal point.

    Returns `{"source": name, "slots": {slot: [{"name", "width", "height", "format"}, …]}}`,
    ready for `NewsItem.image_renditions`. Raises RenditionError when the original is missing
    or unreadable. New renditions are private, like every new file: where they belong is
    decided with the original's (news.media_privacy).
    """
    storage = storage or public_or_private
    folder = rendition_folder(name)
    slots = {slot: [] for slot in SLOTS}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with (
                storage.open(name, "rb") as handle,
                Image.open(handle, formats=ALLOWED_FORMATS) as original,
            ):
                prepared = None
                for slot, width, height in _plan(*_oriented_size(original)):
                    resized = None
                    suffix = focal_suffix(focal) if SLOTS[slot]["aspect"] else ""
                    for extension, pillow_format, options in ENCODINGS:
                        target = f"{folder}/{slot}-{width}{suffix}.{extension}"
                        if not storage.exists(target):
                            if resized is None:
                                if prepared is None:
                                    prepared = _prepared(original)
                                resized = _render(prepared, slot, width, height, focal)
                            buffer = io.BytesIO()
                            resized.save(buffer, pillow_format, **options)
                            target = storage.save(target, ContentFile(buffer.getvalue()))
                        slots[slot].append(
                            {"name": target, "width": width, "height": height, "format": extension}
                        )
    except UNREADABLE as error:
        raise RenditionError(f"Cannot make renditions of {name!r}: {error}") from error
    described = {"source": name, "slots": slots}
    if focal is not None:
        described["focal"] = list(focal)
    return described


# Lists of many pictures (the media library's): one small JPEG, twice its 80 px display width.
THUMBNAIL_WIDTH = 160


def thumbnail(name, storage=None):
    """The name of a small JPEG of the stored image `name`, made on first use beside its
    renditions (so it is as public or private as they are): a list of fifty pictures would
    otherwise load fifty originals. Raises RenditionError as `build_renditions()` does."""
    storage = storage or public_or_private
    target = f"{rendition_folder(name)}/thumbnail-{THUMBNAIL_WIDTH}.jpg"
    if storage.exists(target):
        return target
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with (
                storage.open(name, "rb") as handle,
                Image.open(handle, formats=ALLOWED_FORMATS) as original,
            ):
                prepared = _prepared(original)
    except UNREADABLE as error:
        raise RenditionError(f"Cannot make a thumbnail of {name!r}: {error}") from error
    width = min(THUMBNAIL_WIDTH, prepared.width)
    height = max(1, round(width * prepared.height / prepared.width))
    buffer = io.BytesIO()
    _, pillow_format, options = ENCODINGS[1]
    # Uncut, as the item page's picture.
    _render(prepared, "hero", width, height).save(buffer, pillow_format, **options)
    return storage.save(target, ContentFile(buffer.getvalue()))


def renditions_are_current(item, focal=None):
    name = item.image.name or ""
    current = item.image_renditions or {}
    return (
        current.get("source", "") == name
        and bool(current.get("slots")) == bool(name)
        and current.get("focal") == (list(focal) if focal is not None else None)
    )


def refresh_renditions(item, save=True):
    """Bring `item.image_renditions` in line with its image; returns True when it changed.

    A broken original is logged and leaves the item without renditions (its picture is not
    shown) rather than failing the editor's save: the upload was validated, so this means the
    storage lost or damaged the file, which the `build_renditions` command will report.
    """
    focal = library_images.focal_point(item) if hasattr(item, "library_image_id") else None
    if renditions_are_current(item, focal):
        return False
    name = item.image.name or ""
    renditions = None
    if name:
        try:
            renditions = build_renditions(name, focal=focal)
        except RenditionError:
            logger.exception("%s %s: image renditions failed", item._meta.label, item.pk)
    item.image_renditions = renditions
    if save and item.pk:
        type(item).objects.filter(pk=item.pk).update(image_renditions=renditions)
    return True


def picture_sources(renditions, slot, url):
    """What a <picture> needs for `slot`: srcsets per format, the fallback and its size.
    `url(name)` gives a file's URL, which depends on whether its item is public."""
    entries = (renditions or {}).get("slots", {}).get(slot) or []
    if not entries:
        return None
    by_format = {}
    for entry in entries:
        by_format.setdefault(entry["format"], []).append(entry)
    jpegs = sorted(by_format.get("jpg", []), key=lambda entry: entry["width"])
    webps = sorted(by_format.get("webp", []), key=lambda entry: entry["width"])
    if not jpegs:
        return None
    fallback = jpegs[0]
    return {
        "webp_srcset": ", ".join(f"{url(e['name'])} {e['width']}w" for e in webps),
        "jpeg_srcset": ", ".join(f"{url(e['name'])} {e['width']}w" for e in jpegs),
        "src": url(fallback["name"]),
        "width": fallback["width"],
        "height": fallback["height"],
    }
