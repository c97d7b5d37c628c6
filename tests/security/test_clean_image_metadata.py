"""`clean_image_metadata`: images stored before uploads were cleaned (under the editor's file
name, with GPS, serial numbers, XMP and comments, renditions in a folder named after that name)
are rewritten clean under a random name, their items and revisions follow, their renditions
are rebuilt, and the old files are gone. Idempotent; `--dry-run` changes nothing."""

import io
import json
import re

import pytest
import reversion
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image
from reversion.models import Version

from core.private_media import public_or_private as stored
from news.models import NewsItem
from news.renditions import build_renditions, rendition_folder
from tests.factories import NewsItemFactory
from tests.security.photos import (
    METADATA_SIGNATURES,
    markers_in,
    metadata_seen_by_pillow,
    tagged_jpeg,
    tagged_png,
)

pytestmark = pytest.mark.django_db

RANDOM_NAME = re.compile(r"^news/2025/03/[0-9a-f]{32}\.(jpg|png)$")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Storages of this test's own, so the command sees only the files stored here."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT


def stored_the_old_way(name, content, revision=False):
    """An item whose image was stored as uploads were before: byte for byte, under its name,
    with renditions in a folder named after that name."""
    name = default_storage.save(name, ContentFile(content))
    item = NewsItemFactory(image_alt="A photo")
    NewsItem.objects.filter(pk=item.pk).update(
        image=name, image_width=1200, image_height=900, image_renditions=build_renditions(name)
    )
    item.refresh_from_db()
    if revision:
        with reversion.create_revision():
            item.save()
    return item


def read(name):
    with stored.open(name, "rb") as handle:
        return handle.read()


def rendition_names(item):
    return [e["name"] for entries in item.image_renditions["slots"].values() for e in entries]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("clean_image_metadata", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def summary(out):
    return out.strip().splitlines()[-1]


@pytest.fixture
def old_store():
    jpeg = stored_the_old_way("news/2025/03/IMG_4711.jpg", tagged_jpeg(), revision=True)
    png = stored_the_old_way("news/2025/03/informant.png", tagged_png())
    # An image an item showed before it was replaced: still stored, still public.
    replaced = default_storage.save("news/2025/03/replaced photo.jpg", ContentFile(tagged_jpeg()))
    return {"jpeg": jpeg, "png": png, "replaced": replaced}


def test_cleans_renames_and_rebuilds_what_was_stored_the_old_way(old_store):
    jpeg, png = old_store["jpeg"], old_store["png"]
    old = {item.pk: (item.image.name, rendition_names(item)) for item in (jpeg, png)}
    out, err = run()
    assert err == ""
    assert summary(out) == (
        "Image metadata: 3 images cleaned (2 items, 1 revision updated), 0 already clean, "
        "0 failed, of 3 images."
    )
    for item in (jpeg, png):
        old_name, old_renditions = old[item.pk]
        item.refresh_from_db()
        assert RANDOM_NAME.match(item.image.name), item.image.name
        assert not stored.exists(old_name)
        assert not any(stored.exists(name) for name in old_renditions)
        assert item.image_renditions["source"] == item.image.name
        assert (item.image_width, item.image_height) == (1200, 900)
        for name in [item.image.name, *rendition_names(item)]:
            assert not name.startswith(rendition_folder(old_name))
            content = read(name)
            assert markers_in(content) == [], name
            assert [s for s in METADATA_SIGNATURES if s in content] == [], name
            assert metadata_seen_by_pillow(content) == [], name
    assert not stored.exists(old_store["replaced"])
    _dirs, files = stored.listdir("news/2025/03")
    assert len(files) == 3 and all(re.match(r"[0-9a-f]{32}\.", name) for name in files)
    # Restoring the revision brings back the clean image, not a file that is gone.
    (version,) = Version.objects.get_for_object(jpeg)
    fields = json.loads(version.serialized_data)[0]["fields"]
    assert fields["image"] == jpeg.image.name
    assert fields["image_renditions"]["source"] == jpeg.image.name


def test_a_second_run_changes_nothing(old_store):
    run()
    before = {name: read(f"news/2025/03/{name}") for name in stored.listdir("news/2025/03")[1]}
    names = dict(NewsItem.objects.values_list("pk", "image"))
    out, _err = run()
    assert summary(out) == (
        "Image metadata: 0 images cleaned (0 items, 0 revisions updated), 3 already clean, "
        "0 failed, of 3 images."
    )
    after = {name: read(f"news/2025/03/{name}") for name in stored.listdir("news/2025/03")[1]}
    assert after == before
    assert dict(NewsItem.objects.values_list("pk", "image")) == names


def test_dry_run_reports_and_changes_nothing(old_store):
    jpeg = old_store["jpeg"]
    content = read(jpeg.image.name)
    out, _err = run("--dry-run")
    assert summary(out) == (
        "Image metadata (dry run, nothing changed): 3 images would be cleaned (2 items), "
        "0 already clean, 0 failed, of 3 images."
    )
    assert "news/2025/03/IMG_4711.jpg: EXIF, XMP, IPTC, comment, colour profile" in out
    jpeg.refresh_from_db()
    assert jpeg.image.name == "news/2025/03/IMG_4711.jpg"
    assert read(jpeg.image.name) == content
    assert stored.exists(old_store["replaced"])


def test_reports_progress_over_many_files(old_store, monkeypatch):
    from news.management.commands import clean_image_metadata

    monkeypatch.setattr(clean_image_metadata, "PROGRESS_EVERY", 2)
    out, _err = run()
    assert "2/3 images checked" in out
    assert "1/3 images checked" not in out


def test_a_missing_or_damaged_file_is_reported_and_the_rest_cleaned(old_store):
    gone = NewsItemFactory(image_alt="Gone")
    NewsItem.objects.filter(pk=gone.pk).update(image="news/2025/03/gone.jpg")
    default_storage.save("news/2025/03/damaged.jpg", ContentFile(b"\xff\xd8\xff\xe0garbage"))
    out, err = run()
    assert summary(out).startswith("Image metadata: 3 images cleaned")
    assert "2 failed, of 5 images." in summary(out)
    assert "news/2025/03/gone.jpg" in err and "news/2025/03/damaged.jpg" in err
    assert stored.exists("news/2025/03/damaged.jpg")  # kept for a person to look at


def test_files_stored_by_code_outside_the_upload_folder_keep_their_names_when_clean(old_store):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), "teal").save(buffer, "JPEG")
    demo = stored_the_old_way("demo/abstract-01.jpg", buffer.getvalue())
    tagged = stored_the_old_way("demo/abstract-02.jpg", tagged_jpeg())
    out, _err = run()
    assert "4 images cleaned" in summary(out) and "1 already clean" in summary(out)
    demo.refresh_from_db()
    tagged.refresh_from_db()
    assert demo.image.name == "demo/abstract-01.jpg"
    assert re.match(r"^demo/[0-9a-f]{32}\.jpg$", tagged.image.name)
