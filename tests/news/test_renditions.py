"""Image renditions: made once per slot and format, described on the item, shown as <picture>."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from news import services
from news.models import NewsItem
from news.renditions import build_renditions
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def image_file(name="photo.jpg", size=(2000, 1500), mode="RGB", fmt="JPEG", exif_orientation=None):
    buffer = io.BytesIO()
    image = Image.new(mode, size, (200, 30, 30, 128) if mode == "RGBA" else (200, 30, 30))
    options = {}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        options["exif"] = exif
    image.save(buffer, fmt, **options)
    return SimpleUploadedFile(name, buffer.getvalue())


def stored(name):
    with default_storage.open(name, "rb") as handle, Image.open(handle) as image:
        return image.format, image.size, image.mode


def with_image(**kwargs):
    item = NewsItemFactory(image_alt="Officers at a training session", image_caption="Training")
    item.image = image_file(**kwargs)
    item.image_credit = "OSCE/Jane Doe"
    item.save()
    services.refresh_renditions(item)
    item.refresh_from_db()
    return item


def files_in(folder):
    _dirs, files = default_storage.listdir(folder)
    return sorted(files)


class TestBuilding:
    def test_each_slot_gets_its_widths_as_webp_and_jpeg(self):
        item = with_image()
        slots = item.image_renditions["slots"]
        assert item.image_renditions["source"] == item.image.name
        card = [(e["width"], e["height"], e["format"]) for e in slots["card"]]
        assert card == [
            (400, 225, "webp"),
            (400, 225, "jpg"),
            (800, 450, "webp"),
            (800, 450, "jpg"),
        ]
        hero = [(e["width"], e["height"], e["format"]) for e in slots["hero"]]
        assert hero == [
            (800, 600, "webp"),
            (800, 600, "jpg"),
            (1200, 900, "webp"),
            (1200, 900, "jpg"),
            (1600, 1200, "webp"),
            (1600, 1200, "jpg"),
        ]
        for entry in slots["card"] + slots["hero"]:
            assert entry["name"].startswith("renditions/")
            fmt, size, _mode = stored(entry["name"])
            assert fmt == {"webp": "WEBP", "jpg": "JPEG"}[entry["format"]]
            assert size == (entry["width"], entry["height"])

    def test_made_once_a_second_call_creates_no_files(self):
        item = with_image()
        folder = item.image_renditions["slots"]["card"][0]["name"].rsplit("/", 1)[0]
        before = files_in(folder)
        described = {**item.image_renditions}
        described.pop("public")  # where they are, recorded by news.media_privacy
        assert build_renditions(item.image.name) == described
        assert files_in(folder) == before
        assert len(before) == 10

    def test_small_originals_are_not_enlarged(self):
        item = with_image(size=(600, 300))
        slots = item.image_renditions["slots"]
        assert {(e["width"], e["height"]) for e in slots["card"]} == {(400, 225)}
        assert {(e["width"], e["height"]) for e in slots["hero"]} == {(600, 300)}

    def test_exif_orientation_is_applied(self):
        # Stored landscape, tagged "rotate 90°": the picture is portrait.
        item = with_image(size=(1600, 1200), exif_orientation=6)
        hero = item.image_renditions["slots"]["hero"]
        assert (hero[0]["width"], hero[0]["height"]) == (800, 1067)

    def test_transparent_png_becomes_rgb_jpeg(self):
        item = with_image(name="logo.png", size=(900, 900), mode="RGBA", fmt="PNG")
        jpeg = next(e for e in item.image_renditions["slots"]["card"] if e["format"] == "jpg")
        assert stored(jpeg["name"])[2] == "RGB"

    def test_animated_gif_uses_its_first_frame(self):
        frames = [Image.new("P", (500, 400), color) for color in (1, 2, 3)]
        buffer = io.BytesIO()
        frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
        item = NewsItemFactory(image_alt="An animation")
        item.image = SimpleUploadedFile("moving.gif", buffer.getvalue())
        item.save()
        services.refresh_renditions(item)
        item.refresh_from_db()
        jpeg = item.image_renditions["slots"]["hero"][-1]
        assert stored(jpeg["name"])[:2] == ("JPEG", (500, 400))

    def test_new_image_gets_new_renditions_and_removed_image_none(self):
        item = with_image()
        first = item.image_renditions
        item.image = image_file(name="other.jpg", size=(1000, 1000))
        item.save()
        services.refresh_renditions(item)
        item.refresh_from_db()
        assert item.image_renditions["source"] == item.image.name != first["source"]
        item.image = None
        item.save()
        services.refresh_renditions(item)
        item.refresh_from_db()
        assert item.image_renditions is None

    def test_saving_other_fields_does_not_rebuild(self, django_assert_num_queries):
        item = with_image()
        item.title = "New title"
        # The update, and the row's public fields read before it (once, core.stored_row, for
        # what the change moves, website.invalidation, and for the stored slug, redirects/)
        # and after it.
        with django_assert_num_queries(3):
            item.save()


class TestCommand:
    def test_fills_missing_renditions(self):
        item = with_image()
        NewsItem.objects.filter(pk=item.pk).update(image_renditions=None)
        out = io.StringIO()
        call_command("build_renditions", stdout=out)
        item.refresh_from_db()
        assert item.image_renditions["source"] == item.image.name
        assert "1 items updated" in out.getvalue()

    def test_reports_missing_originals(self):
        item = with_image()
        NewsItem.objects.filter(pk=item.pk).update(image="news/missing.jpg", image_renditions=None)
        out, err = io.StringIO(), io.StringIO()
        call_command("build_renditions", stdout=out, stderr=err)
        assert "1 failed" in out.getvalue()
        assert "missing.jpg" in err.getvalue()


class TestMarkup:
    def test_card_picture_in_the_listing(self, client):
        item = with_image()
        text = client.get("/news/").text
        picture = re.search(r"<picture>.*?</picture>", text, re.S).group(0)
        assert '<source type="image/webp" srcset="/media/renditions/' in picture
        assert re.search(r'srcset="[^"]+card-400\.webp 400w, [^"]+card-800\.webp 800w"', picture)
        assert re.search(r'<img src="/media/renditions/[^"]+/card-400\.jpg"', picture)
        assert 'width="400" height="225"' in picture
        assert 'alt="Officers at a training session"' in picture
        assert 'loading="lazy"' in picture and 'decoding="async"' in picture
        assert 'sizes="' in picture
        assert item.image.name not in text  # never the full upload

    def test_hero_picture_on_the_item_page_with_caption_and_credit(self, client):
        item = with_image()
        text = client.get(item.get_absolute_url()).text
        figure = re.search(r'<figure class="picture picture--hero">.*?</figure>', text, re.S)
        assert figure
        figure = figure.group(0)
        assert "loading=" not in figure  # above the fold: loaded at once
        assert 'fetchpriority="high"' in figure
        assert "hero-1600.webp 1600w" in figure
        assert "Training" in figure and "OSCE/Jane Doe" in figure
        assert item.image.name not in text
        assert re.search(
            r'<meta property="og:image" content="https://www\.example\.org/media/renditions/'
            r'[^"]+/hero-1600\.jpg">',
            text,
        )

    def test_item_without_renditions_shows_no_picture(self, client):
        item = with_image()
        NewsItem.objects.filter(pk=item.pk).update(image_renditions=None)
        text = client.get(item.get_absolute_url()).text
        assert "<picture>" not in text
        assert item.image.name not in text
