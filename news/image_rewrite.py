"""Uploaded images re-encoded with nothing that identifies their source.

`rewrite_image()` re-encodes an upload from its pixels alone — turned upright first, then
without EXIF (GPS, camera, serial numbers, maker notes), XMP, IPTC, comments or text chunks; a
colour profile is kept with its colour tags only (news.image_metadata.clean_icc_profile).
Palette, transparency, bit depth, frames and their timing, and a JPEG's own quantisation are
kept, so re-encoding costs the picture as little as it can.
"""

import io
import struct
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError

from news.image_metadata import clean_icc_profile
from news.images import (
    ALLOWED_FORMATS,
    EXTENSION_BY_FORMAT,
    MAX_IMAGE_PIXELS,
    image_bytes,
    not_an_image,
    too_many_pixels,
)


@dataclass(frozen=True)
class RewrittenImage:
    content: bytes
    format: str
    extension: str
    width: int
    height: int


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
    content = image_bytes(source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=ALLOWED_FORMATS) as image:
                if image.format not in WRITERS:
                    raise not_an_image()
                frames = getattr(image, "n_frames", 1)
                if image.width * image.height * frames > MAX_IMAGE_PIXELS:
                    raise too_many_pixels()
                image.load()
                info = dict(image.info)
                first, options = WRITERS[image.format](image, info, content)
                buffer = io.BytesIO()
                first.save(buffer, image.format, **options)
                output_format = image.format
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels() from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise not_an_image() from None
    return RewrittenImage(
        content=buffer.getvalue(),
        format=output_format,
        extension=EXTENSION_BY_FORMAT[output_format],
        width=first.width,
        height=first.height,
    )
