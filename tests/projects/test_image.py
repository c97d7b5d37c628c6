"""A project's picture, on the news image machinery (news.media_privacy finds every model with
an `ImageFileField`): an upload is rewritten without metadata under a random name, shown as
renditions in a figure with its caption and credit and in the card's image slot, private while
the project is a draft (editors preview it through `/images/projects.project/…`, never cached),
public once published, private again when unpublished or deleted, and covered by the image
commands."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from core.private_media import public_or_private
from core.publishing import Status
from news import services
from projects.models import Project
from tests.factories import ProjectFactory, StructureFactory
from tests.news.admin.helpers import publishing_fields
from tests.projects.test_admin import ADD_URL, project_post
from tests.security.photos import markers_in, metadata_seen_by_pillow, tagged_jpeg

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.media_urls")]

RANDOM_NAME = re.compile(r"^projects/\d{4}/\d{2}/[0-9a-f]{32}\.jpg$")
IMAGE_URL = re.compile(r'(?:src|srcset)="([^"]+)"')


@pytest.fixture
def media(settings, tmp_path):
    """Storages of this test's own, so the commands see only the files stored here."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def jpeg(colour="teal", size=(1000, 700)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def upload(client, content=None, status=Status.DRAFT, slug="border-policing", **fields):
    data = project_post(
        [StructureFactory()],
        **publishing_fields(status, date="2020-01-01"),
        slug=slug,
        image_alt_en="Police officers at a border crossing",
        image_caption_en="Training at the border.",
        image_credit="Jane Doe",
    )
    data.update(fields)
    data["image"] = SimpleUploadedFile("IMG_4711 informant.jpg", content or jpeg())
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Project.objects.get(slug=slug)


def with_picture(status=Status.PUBLISHED, **fields):
    """A project given a picture the way the admin gives one: stored, then its renditions."""
    project = ProjectFactory(status=status, image_alt="A picture", **fields)
    project.image.save("photo.jpg", ContentFile(jpeg()))
    services.refresh_renditions(project)
    project.refresh_from_db()
    return project


def files_of(project):
    project.refresh_from_db()
    slots = project.image_renditions["slots"]
    return [project.image.name, *(entry["name"] for entries in slots.values() for entry in entries)]


def public_file(name, settings):
    return (Path(settings.MEDIA_ROOT) / name).exists()


def picture_urls(client, project):
    response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    urls = []
    for picture in re.findall(r"<picture.*?</picture>", response.text, re.S):
        for value in IMAGE_URL.findall(picture):
            urls.extend(part.split()[0] for part in value.split(","))
    assert urls, "the page shows the picture"
    return urls


def view_url(project, name):
    return reverse(
        "content_image", kwargs={"model": "projects.project", "pk": project.pk, "name": name}
    )


def assert_hidden(project, settings):
    anonymous = Client()
    for name in files_of(project):
        assert not public_file(name, settings), name
        assert anonymous.get(f"/media/{name}").status_code == 404, name
        assert anonymous.get(view_url(project, name)).status_code == 404, name


def assert_public(project, settings):
    anonymous = Client()
    for name in files_of(project):
        assert public_file(name, settings), name
        response = anonymous.get(f"/media/{name}")
        assert response.status_code == 200, name
        b"".join(response.streaming_content)
    assert all(url.startswith("/media/") for url in picture_urls(anonymous, project))


class TestUpload:
    def test_the_upload_is_stored_without_metadata_under_a_random_name(self, client, editor):
        client.force_login(editor)
        project = upload(client, tagged_jpeg())
        assert RANDOM_NAME.match(project.image.name), project.image.name
        for name in files_of(project):
            with public_or_private.open(name, "rb") as handle:
                content = handle.read()
            assert markers_in(content) == [], name
            assert metadata_seen_by_pillow(content) == [], name
        assert set(project.image_renditions["slots"]) == {"card", "hero"}
        assert (project.image_width, project.image_height) == (1200, 900)

    def test_alt_text_is_required_with_an_image(self, client, editor):
        client.force_login(editor)
        data = project_post([StructureFactory()], **publishing_fields(Status.DRAFT))
        data["image"] = SimpleUploadedFile("photo.jpg", jpeg())
        response = client.post(ADD_URL, data)
        assert response.status_code == 200
        assert "image_alt_en" in response.context["adminform"].form.errors
        assert not Project.objects.exists()

    def test_the_database_refuses_an_image_without_alt_text_too(self):
        project = ProjectFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Project.objects.filter(pk=project.pk).update(image="projects/x.jpg", image_alt_en="")


class TestPrivacy:
    def test_a_drafts_picture_is_hidden_and_previewed_by_editors_never_cached(
        self, client, editor, settings
    ):
        client.force_login(editor)
        project = upload(client)
        assert_hidden(project, settings)
        for url in picture_urls(client, project):
            assert url.startswith("/images/projects.project/"), url
            response = client.get(url)
            assert response.status_code == 200, url
            assert {"private", "no-store"} <= {
                part.strip() for part in response["Cache-Control"].split(",")
            }
            b"".join(response.streaming_content)
        change = client.get(reverse("admin:projects_project_change", args=[project.pk]))
        assert f'href="{view_url(project, project.image.name)}"' in change.text

    def test_publishing_makes_it_public_and_unpublishing_hides_it_again(
        self, client, editor, settings
    ):
        client.force_login(editor)
        project = upload(client)
        services.publish(project)
        assert_public(project, settings)
        services.unpublish(project)
        assert_hidden(project, settings)

    def test_another_types_route_never_serves_it(self, client, editor):
        client.force_login(editor)
        project = upload(client)
        news_route = reverse("news_image", kwargs={"pk": project.pk, "name": project.image.name})
        assert client.get(news_route).status_code == 404
        wrong_type = reverse(
            "content_image",
            kwargs={"model": "auth.user", "pk": project.pk, "name": project.image.name},
        )
        assert client.get(wrong_type).status_code == 404

    def test_deleting_a_published_project_hides_its_picture(
        self, settings, django_capture_on_commit_callbacks
    ):
        project = with_picture()
        services.publish(project)
        names = files_of(project)
        assert all(public_file(name, settings) for name in names)
        with django_capture_on_commit_callbacks(execute=True):
            project.delete()
        assert not any(public_file(name, settings) for name in names)
        assert all(public_or_private.exists(name) for name in names)

    def test_sync_image_privacy_publishes_a_scheduled_projects_picture(self, settings):
        project = with_picture(status=Status.DRAFT)
        services.schedule(project, timezone.now() + datetime.timedelta(hours=2))
        assert not public_file(project.image.name, settings)
        # The time comes, by the clock: no save moves the files, the every-minute command does.
        Project.objects.filter(pk=project.pk).update(publish_at=timezone.now())
        out = io.StringIO()
        call_command("sync_image_privacy", stdout=out)
        assert "1 made public, 0 made private, of 1 images checked." in out.getvalue()
        assert all(public_file(name, settings) for name in files_of(project))


@pytest.mark.usefixtures("media")
class TestCommands:
    def test_orphans_are_deleted_and_the_projects_picture_kept(self):
        project = with_picture()
        orphan = public_or_private.save("projects/2020/01/orphan.jpg", ContentFile(jpeg("red")))
        out = io.StringIO()
        call_command("delete_orphan_images", min_age=0, stdout=out)
        assert not public_or_private.exists(orphan)
        assert all(public_or_private.exists(name) for name in files_of(project))

    def test_build_renditions_remakes_a_projects_missing_renditions(self):
        project = with_picture()
        Project.objects.filter(pk=project.pk).update(image_renditions=None)
        out = io.StringIO()
        call_command("build_renditions", stdout=out)
        assert "1 items updated" in out.getvalue()
        project.refresh_from_db()
        assert set(project.image_renditions["slots"]) == {"card", "hero"}

    def test_clean_image_metadata_cleans_a_projects_old_upload(self):
        name = public_or_private.save("projects/2019/05/IMG_4711.jpg", ContentFile(tagged_jpeg()))
        project = ProjectFactory(image=name, image_alt="A picture")
        out = io.StringIO()
        call_command("clean_image_metadata", stdout=out)
        assert "1 images cleaned (1 items" in out.getvalue()
        project.refresh_from_db()
        assert RANDOM_NAME.match(project.image.name), project.image.name
        with public_or_private.open(project.image.name, "rb") as handle:
            assert markers_in(handle.read()) == []
        assert not public_or_private.exists(name)


class TestPages:
    def test_the_page_shows_a_figure_with_caption_and_credit(self, client):
        project = with_picture(image_caption="Officers in training.", image_credit="Jane Doe")
        services.publish(project)
        html = client.get(project.get_absolute_url()).text
        figure = re.search(r'<figure class="picture picture--hero">.*?</figure>', html, re.S)
        assert figure, "the page shows the picture as a figure"
        assert 'alt="A picture"' in figure.group()
        assert "Officers in training." in figure.group()
        assert "Photo: Jane Doe" in figure.group()
        assert '<meta property="og:image" content="http' in html

    def test_the_card_shows_the_picture_in_its_image_slot(self, client):
        pictured = with_picture(title="Pictured project")
        services.publish(pictured)
        ProjectFactory(title="Plain project")
        html = client.get("/projects/").text
        cards = {
            re.search(r'news-card__title"><a[^>]*>([^<]+)<', card).group(1): card
            for card in re.findall(r"<article class=\"card news-card.*?</article>", html, re.S)
        }
        assert '<div class="news-card__media"><picture>' in cards["Pictured project"]
        assert "news-card--no-image" not in cards["Pictured project"]
        assert "news-card--no-image" in cards["Plain project"]
        assert "<picture>" not in cards["Plain project"]
