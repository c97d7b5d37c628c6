"""Pictures nothing refers to any more are deleted by `delete_orphan_images`; those only a
revision refers to are kept, private, and restoring the revision makes them public again."""

import io
from pathlib import Path

import pytest
import reversion
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image
from reversion.models import Version

from media_library.models import Image as LibraryImage
from news import services
from news.models import NewsItem
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Storages of this test's own, so the command sees only the files stored here."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def jpeg(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), colour).save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue())


def files_of(item):
    """The item's picture: its original and its renditions."""
    slots = item.image_renditions["slots"]
    return [item.image.name, *(entry["name"] for entries in slots.values() for entry in entries)]


def replace_image(item, colour):
    item = NewsItem.objects.get(pk=item.pk)
    item.image = jpeg(colour)
    item.save()
    services.refresh_renditions(item)
    item.refresh_from_db()
    return item


def in_public(name, settings):
    return (Path(settings.MEDIA_ROOT) / name).exists()


def in_private(name, settings):
    return (Path(settings.PRIVATE_MEDIA_ROOT) / name).exists()


def anywhere(name, settings):
    return in_public(name, settings) or in_private(name, settings)


def run(*args):
    out = io.StringIO()
    call_command("delete_orphan_images", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def store(settings):
    """A live item showing `current`, whose revision remembers `remembered` (replaced since),
    a deleted item's picture `deleted` and a stray file `stray`."""
    item = NewsItemFactory(image=jpeg("teal"), image_alt="A photo")
    with reversion.create_revision():
        item.save()
    remembered = files_of(item)
    item = replace_image(item, "olive")
    gone = NewsItemFactory(image=jpeg("plum"), image_alt="A photo")
    deleted = files_of(gone)
    gone.delete()
    # The media library keeps a deleted item's picture until the image itself is deleted.
    LibraryImage.objects.filter(file=deleted[0]).delete()
    stray = default_storage.save("news/2020/01/stray.jpg", ContentFile(b"not referenced"))
    return {
        "item": item,
        "current": files_of(item),
        "remembered": remembered,
        "deleted": deleted,
        "stray": stray,
    }


def test_dry_run_lists_the_orphans_and_deletes_nothing(store, settings):
    out = run("--dry-run", "--min-age=0")
    listed = {line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("would ")}
    assert listed == {*store["deleted"], store["stray"]}
    assert "8 files to delete" in out.splitlines()[-1]
    assert all(anywhere(name, settings) for name in [*store["deleted"], store["stray"]])


def test_deletes_only_what_no_item_or_revision_refers_to(store, settings):
    out = run("--min-age=0")
    assert "8 files deleted" in out.splitlines()[-1]
    assert not any(anywhere(n, settings) for n in [*store["deleted"], store["stray"]])
    assert all(in_public(name, settings) for name in store["current"])
    # Kept for the revision, and private: the item shows another picture now.
    assert all(in_private(name, settings) for name in store["remembered"])
    assert not any(in_public(name, settings) for name in store["remembered"])
    # A second run finds nothing more.
    assert "0 files deleted" in run("--min-age=0").splitlines()[-1]


def test_files_younger_than_an_hour_are_left_for_the_uploads_in_progress(store, settings):
    out = run()
    assert "0 files deleted" in out and "8 files younger than 60 minutes left" in out
    assert anywhere(store["stray"], settings)


def test_restoring_a_revision_makes_its_picture_public_again(store, settings):
    item = store["item"]
    with reversion.create_revision():
        item.save()  # the current picture is remembered too
    replaced = store["current"]
    (old, *_newer) = sorted(Version.objects.get_for_object(item), key=lambda v: v.pk)
    old.revision.revert()
    services.refresh_renditions(NewsItem.objects.get(pk=item.pk))  # as the admin's save does
    restored = NewsItem.objects.get(pk=item.pk)
    assert restored.image.name == store["remembered"][0]
    assert restored.image_renditions["public"] is True
    assert all(in_public(name, settings) for name in store["remembered"])
    # The picture the restore replaced is only a revision's now: the command hides it.
    assert "1 kept for revisions and made private" in run("--min-age=0")
    assert not any(in_public(name, settings) for name in replaced)


def test_a_picture_the_media_library_keeps_is_never_deleted(
    settings, django_capture_on_commit_callbacks
):
    gone = NewsItemFactory(image=jpeg("plum"), image_alt="A photo")
    kept = files_of(gone)
    with django_capture_on_commit_callbacks(execute=True):
        gone.delete()
    assert LibraryImage.objects.filter(file=kept[0]).exists()
    assert "0 files deleted" in run("--min-age=0").splitlines()[-1]
    assert all(anywhere(name, settings) for name in kept)
    # Private: no published item shows it any more.
    assert not any(in_public(name, settings) for name in kept)
