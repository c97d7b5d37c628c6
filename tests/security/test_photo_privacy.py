"""Nothing in a stored photo identifies its source: an upload through the admin is rewritten
without EXIF (GPS, camera, serial number, maker notes), XMP, IPTC and comments, its colour
profile keeps only colour data, and neither its name nor its renditions' folder says anything
of the file the editor uploaded."""

import io
import posixpath
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.text import get_valid_filename
from PIL import Image, ImageCms

from core.private_media import public_or_private
from core.publishing import Status
from news.models import NewsItem
from news.renditions import build_renditions, rendition_folder
from tests.factories import StructureFactory
from tests.news.admin.helpers import news_item_post, publishing_fields
from tests.security.photos import (
    METADATA_SIGNATURES,
    UPLOAD_STEM,
    UPLOAD_WORDS,
    icc_tags,
    markers_in,
    metadata_seen_by_pillow,
    profile_of,
    tagged_jpeg,
    tagged_png,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:news_newsitem_add")
RANDOM_NAME = re.compile(r"^news/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp|gif)$")
COLOUR_TAGS = (b"wtpt", b"chad", b"rXYZ", b"gXYZ", b"bXYZ", b"rTRC", b"gTRC", b"bTRC", b"chrm")


def upload(client, name, content, slug="training-for-border-police"):
    data = news_item_post(
        [StructureFactory()], **publishing_fields(Status.DRAFT), image_alt="A photo", slug=slug
    )
    data["image"] = SimpleUploadedFile(name, content)
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return NewsItem.objects.get(slug=slug)


def read(name):
    with public_or_private.open(name, "rb") as handle:
        return handle.read()


def stored_files(item):
    """The original and every rendition, by name."""
    names = [item.image.name]
    for entries in item.image_renditions["slots"].values():
        names.extend(entry["name"] for entry in entries)
    return names


def assert_clean(name):
    content = read(name)
    assert markers_in(content) == [], name
    assert [s for s in METADATA_SIGNATURES if s in content] == [], name
    assert metadata_seen_by_pillow(content) == [], name
    profile = profile_of(content)
    if profile:
        assert markers_in(profile) == [], name


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    ("extension", "make"), [("jpg", tagged_jpeg), ("png", tagged_png)], ids=["JPEG", "PNG"]
)
def test_an_uploaded_photo_keeps_nothing_that_identifies_its_source(editor_client, extension, make):
    content = make()
    assert len(markers_in(content)) >= 7  # the fixture does carry what must go
    item = upload(editor_client, f"{UPLOAD_STEM}.{extension}", content)
    names = stored_files(item)
    assert len(names) == 9  # the original and 8 renditions
    for name in names:
        assert_clean(name)
    with Image.open(io.BytesIO(read(item.image.name))) as stored:
        assert stored.size == (1200, 900)
        assert stored.format == {"jpg": "JPEG", "png": "PNG"}[extension]


@pytest.mark.parametrize(
    ("extension", "make"), [("jpg", tagged_jpeg), ("png", tagged_png)], ids=["JPEG", "PNG"]
)
def test_the_stored_name_says_nothing_of_the_uploaded_file(editor_client, extension, make):
    name = f"{UPLOAD_STEM}.{extension}"
    first = upload(editor_client, name, make(size=(600, 400)), slug="first")
    second = upload(editor_client, name, make(size=(600, 400)), slug="second")
    assert first.image.name != second.image.name
    for item in (first, second):
        assert RANDOM_NAME.match(item.image.name), item.image.name
        for stored in stored_files(item):
            assert not any(word in stored.lower() for word in UPLOAD_WORDS), stored


def test_the_rendition_folder_cannot_confirm_a_guessed_file_name(editor_client):
    name = f"{UPLOAD_STEM} at the border.jpg"  # a name no other test uploads
    item = upload(editor_client, name, tagged_jpeg(size=(600, 400)))
    folder = item.image_renditions["slots"]["card"][0]["name"].rsplit("/", 1)[0]
    # Where the upload was stored before: its folder, under the name the editor gave it.
    guessed = f"{posixpath.dirname(item.image.name)}/{get_valid_filename(name)}"
    assert folder != rendition_folder(guessed)
    assert not any(word in folder.lower() for word in UPLOAD_WORDS)


def test_orientation_is_applied_before_the_exif_goes(editor_client):
    # Stored landscape, tagged "rotate 90°": the stored picture is portrait, without the tag.
    item = upload(editor_client, "photo.jpg", tagged_jpeg(size=(1200, 900), orientation=6))
    content = read(item.image.name)
    with Image.open(io.BytesIO(content)) as stored:
        assert stored.size == (900, 1200)
        assert not stored.getexif()
    stored_size = NewsItem.objects.filter(pk=item.pk).values_list("image_width", "image_height")
    assert stored_size.get() == (900, 1200)
    hero = item.image_renditions["slots"]["hero"]
    assert (hero[0]["width"], hero[0]["height"]) == (800, 1067)


@pytest.mark.parametrize(
    ("extension", "make"), [("jpg", tagged_jpeg), ("png", tagged_png)], ids=["JPEG", "PNG"]
)
def test_the_colour_profile_is_kept_as_colour_data_only(editor_client, extension, make):
    content = make(size=(300, 200))
    original = icc_tags(profile_of(content))
    item = upload(editor_client, f"photo.{extension}", content)
    profile = profile_of(read(item.image.name))
    assert profile, "the colour profile is kept"
    kept = icc_tags(profile)
    for tag in COLOUR_TAGS:
        assert kept[tag] == original[tag], tag
    assert not {b"cprt", b"dmdd", b"dmnd", b"targ"} & set(kept)
    assert markers_in(profile) == []
    assert profile[48:56] == bytes(8)  # device manufacturer and model
    description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(profile)))
    assert "MARKER" not in description


@pytest.mark.parametrize("make", [tagged_jpeg, tagged_png], ids=["JPEG", "PNG"])
def test_renditions_of_an_image_stored_before_cleaning_carry_none_of_its_metadata(make):
    # Stored byte for byte, as uploads were before (and until clean_image_metadata runs).
    name = default_storage.save("legacy/photo.bin", ContentFile(make(size=(900, 600))))
    renditions = build_renditions(name)
    for entries in renditions["slots"].values():
        for entry in entries:
            assert_clean(entry["name"])
