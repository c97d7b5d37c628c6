"""Rewriting an upload without its metadata keeps the picture: its format, mode, pixels,
transparency, palette, bit depth, frames and timing, and the JPEG's own quantisation."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageChops, ImageSequence

from news import services
from tests.factories import NewsItemFactory
from tests.security.photos import markers_in, metadata_seen_by_pillow, tagged_jpeg, tagged_png

pytestmark = pytest.mark.django_db


def encoded(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def saved_item(name, content):
    item = NewsItemFactory(image_alt="A picture")
    item.image = SimpleUploadedFile(name, content)
    item.save()
    services.refresh_renditions(item)  # as the admin does after saving an upload
    item.refresh_from_db()
    return item


def stored_bytes(item):
    with default_storage.open(item.image.name, "rb") as handle:
        return handle.read()


def opened(content):
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def max_difference(first, second):
    return max(high for _low, high in ImageChops.difference(first, second).getextrema())


def test_cmyk_jpeg_stays_cmyk_with_its_colours():
    original = tagged_jpeg(size=(900, 600), mode="CMYK")
    item = saved_item("print.jpg", original)
    stored = opened(stored_bytes(item))
    assert (stored.format, stored.mode, stored.size) == ("JPEG", "CMYK", (900, 600))
    assert max_difference(stored, opened(original)) <= 3
    assert markers_in(stored_bytes(item)) == []
    assert stored.info.get("icc_profile"), "its colour profile is kept"
    jpeg = item.image_renditions["slots"]["hero"][0]
    with default_storage.open(jpeg["name"], "rb") as handle:
        assert Image.open(handle).mode == "RGB"


def test_palette_png_keeps_its_palette_and_transparency():
    image = Image.new("P", (300, 200), 1)
    image.putpalette([255, 255, 255, 200, 30, 30, 20, 120, 40] + [0] * (256 * 3 - 9))
    image.paste(2, (100, 50, 200, 150))
    original = encoded(image, "PNG", transparency=1)
    stored = opened(stored_bytes(saved_item("logo.png", original)))
    assert (stored.format, stored.mode) == ("PNG", "P")
    assert stored.info["transparency"] == 1
    assert stored.tobytes() == image.tobytes()
    assert stored.convert("RGBA").getpixel((0, 0))[3] == 0
    assert stored.convert("RGBA").getpixel((150, 100)) == (20, 120, 40, 255)


def test_rgba_png_keeps_its_alpha_exactly():
    image = Image.linear_gradient("L").resize((256, 256)).convert("RGBA")
    image.putalpha(Image.linear_gradient("L").rotate(90))
    stored = opened(stored_bytes(saved_item("overlay.png", encoded(image, "PNG"))))
    assert stored.mode == "RGBA"
    assert max_difference(stored, image) == 0


def test_16_bit_greyscale_png_keeps_its_depth():
    image = Image.new("I;16", (64, 64))
    image.putdata([index * 16 for index in range(64 * 64)])
    stored = opened(stored_bytes(saved_item("scan.png", encoded(image, "PNG"))))
    assert stored.mode.startswith("I")
    assert stored.tobytes() == image.tobytes()


def test_greyscale_jpeg_stays_greyscale_with_its_quantisation():
    image = Image.linear_gradient("L").resize((400, 300))
    original = encoded(image, "JPEG", quality=70)
    stored = opened(stored_bytes(saved_item("grey.jpg", original)))
    assert stored.mode == "L"
    assert stored.quantization == opened(original).quantization


def test_colour_jpeg_is_rewritten_with_its_own_quantisation_and_subsampling():
    original = tagged_jpeg(size=(640, 480))
    content = stored_bytes(saved_item("photo.jpg", original))
    before, after = opened(original), opened(content)
    assert after.quantization == before.quantization
    assert after.layer == before.layer  # the same chroma subsampling
    assert max_difference(after, before) <= 8


def test_animated_gif_keeps_its_frames_timing_and_transparency():
    frames = []
    for index in range(3):
        frame = Image.new("P", (120, 80), 0)
        frame.putpalette([0, 0, 0, 250, 0, 0, 0, 250, 0, 0, 0, 250] + [0] * (252 * 3))
        frame.paste(index + 1, (index * 30, 10, index * 30 + 40, 70))
        frames.append(frame)
    original = encoded(
        frames[0],
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        transparency=0,
        disposal=2,
        comment=b"COMMENT-MARKER",
    )
    content = stored_bytes(saved_item("moving.gif", original))
    assert markers_in(content) == []
    before, after = opened(original), opened(content)
    assert (after.format, after.n_frames, after.info.get("loop")) == ("GIF", 3, 0)
    durations = []
    for old, new in zip(ImageSequence.Iterator(before), ImageSequence.Iterator(after), strict=True):
        durations.append(new.info.get("duration"))
        assert max_difference(old.convert("RGBA"), new.convert("RGBA")) == 0
    assert durations == [100, 200, 300]


def test_animated_webp_keeps_its_frames_and_lossless_webp_stays_lossless():
    frames = [Image.new("RGBA", (100, 60), (200, 30 * index, 40, 128)) for index in range(3)]
    animated = encoded(
        frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=120, lossless=True
    )
    after = opened(stored_bytes(saved_item("moving.webp", animated)))
    assert (after.format, after.n_frames) == ("WEBP", 3)
    still = Image.linear_gradient("L").convert("RGB").resize((128, 128))
    content = stored_bytes(saved_item("diagram.webp", encoded(still, "WEBP", lossless=True)))
    assert b"VP8L" in content[:64]
    assert max_difference(opened(content).convert("RGB"), still) == 0


def test_orientation_in_png_exif_is_applied():
    exif = Image.Exif()
    exif[0x0112] = 8
    original = encoded(Image.new("RGB", (300, 200), "navy"), "PNG", exif=exif)
    stored = opened(stored_bytes(saved_item("turned.png", original)))
    assert stored.size == (200, 300)
    assert metadata_seen_by_pillow(stored_bytes(saved_item("again.png", original))) == []


def test_rewrite_is_stable_on_its_own_output():
    from news.image_rewrite import rewrite_image

    first = rewrite_image(io.BytesIO(tagged_jpeg(size=(300, 200))))
    second = rewrite_image(io.BytesIO(first.content))
    assert second.extension == first.extension == "jpg"
    assert opened(second.content).info.get("icc_profile") == opened(first.content).info.get(
        "icc_profile"
    )


def _samples():
    frames = [Image.new("RGB", (80, 60), (index * 60, 100, 40)) for index in range(3)]
    palette = Image.new("P", (50, 50), 3)
    palette.putpalette([index % 256 for index in range(768)])
    return {
        "JPEG": tagged_jpeg(size=(120, 90)),
        "CMYK JPEG": tagged_jpeg(size=(120, 90), mode="CMYK"),
        "PNG": tagged_png(size=(120, 90)),
        "palette GIF": encoded(palette, "GIF", transparency=3, comment=b"COMMENT-MARKER"),
        "animated GIF": encoded(
            frames[0].convert("P"),
            "GIF",
            save_all=True,
            append_images=[frame.convert("P") for frame in frames[1:]],
            duration=50,
            loop=2,
        ),
        "animated PNG": encoded(frames[0], "PNG", save_all=True, append_images=frames[1:]),
        "lossy WebP": encoded(frames[0], "WEBP", quality=80, exif=Image.Exif().tobytes()),
    }


@pytest.mark.parametrize("kind", _samples().keys())
def test_the_rewritten_image_has_nothing_left_to_clean(kind):
    from news.image_metadata import metadata_found
    from news.image_rewrite import rewrite_image

    rewritten = rewrite_image(io.BytesIO(_samples()[kind]))
    assert metadata_found(io.BytesIO(rewritten.content)) == []
    assert markers_in(rewritten.content) == []


def test_metadata_found_names_what_a_camera_wrote():
    from news.image_metadata import metadata_found

    found = metadata_found(io.BytesIO(tagged_jpeg(size=(120, 90))))
    assert found == ["EXIF", "XMP", "IPTC", "comment", "colour profile"]
    assert metadata_found(io.BytesIO(tagged_png(size=(120, 90)))) == [
        "EXIF",
        "XMP",
        "comment",
        "colour profile",
    ]
