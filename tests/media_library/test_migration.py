"""media_library.0002 (news items, projects) and documents.0007 (document covers) make one
library image per distinct file the items already show, link every item to it, and change no
item's picture: nothing is lost."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("media_library", "0001_initial"),
    ("news", "0010_newsitem_library_image"),
    ("projects", "0004_project_library_image"),
    ("documents", "0005_document_cover_image_privacy"),
]
AFTER = [
    ("media_library", "0002_adopt_item_images"),
    ("documents", "0007_adopt_document_images"),
]


def item(NewsItem, slug, image="", **fields):
    return NewsItem.objects.create(
        title_en=slug,
        slug=slug,
        type="news",
        issued_on=timezone.localdate(),
        status="draft",
        publish_at=timezone.now(),
        in_language_en=True,
        image=image,
        image_width=640 if image else None,
        image_height=480 if image else None,
        **fields,
    )


@pytest.mark.django_db(transaction=True)
def test_every_existing_image_becomes_one_library_image():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    NewsItem = apps.get_model("news", "NewsItem")
    Project = apps.get_model("projects", "Project")
    first = item(
        NewsItem, "first", "news/2024/05/a.jpg", image_alt_en="A bridge", image_alt_ru="Мост"
    )
    shared = item(NewsItem, "shared", "news/2024/05/a.jpg", image_alt_en="Another view")
    other = item(NewsItem, "other", "news/2024/05/b.png", image_alt_en="A hall", image_credit="X")
    bare = item(NewsItem, "bare")
    project = Project.objects.create(
        title_en="A project",
        slug="a-project",
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
        status="draft",
        publish_at=timezone.now(),
        in_language_en=True,
        image="projects/2024/05/a.jpg",
        image_width=800,
        image_height=600,
        image_alt_en="Project picture",
    )
    DocumentType = apps.get_model("documents", "DocumentType")
    Document = apps.get_model("documents", "Document")
    document = Document.objects.create(
        title_en="A report",
        slug="a-report",
        document_type=DocumentType.objects.create(name="Report X", slug="report-x"),
        publication_date=timezone.localdate(),
        status="draft",
        publish_at=timezone.now(),
        in_language_en=True,
        image="news/2024/05/a.jpg",  # a file an item shows too
        image_width=640,
        image_height=480,
        image_alt_en="The report's cover",
    )
    cover_only = Document.objects.create(
        title_en="Another report",
        slug="another-report",
        document_type=DocumentType.objects.get(slug="report-x"),
        publication_date=timezone.localdate(),
        status="draft",
        publish_at=timezone.now(),
        in_language_en=True,
        image="documents/covers/2024/05/cover.png",  # missing from storage: still kept
        image_width=600,
        image_height=850,
        image_alt_en="Another cover",
        image_alt_fr="Une autre couverture",
        image_credit="OSCE",
    )
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        apps = executor.loader.project_state(AFTER).apps
        Image = apps.get_model("media_library", "Image")
        NewsItem = apps.get_model("news", "NewsItem")
        Project = apps.get_model("projects", "Project")
        images = {image.file.name: image for image in Image.objects.all()}
        assert set(images) == {
            "news/2024/05/a.jpg",
            "news/2024/05/b.png",
            "projects/2024/05/a.jpg",
            "documents/covers/2024/05/cover.png",
        }
        Document = apps.get_model("documents", "Document")
        covers = dict(Document.objects.values_list("pk", "library_image_id"))
        assert covers == {
            document.pk: images["news/2024/05/a.jpg"].pk,
            cover_only.pk: images["documents/covers/2024/05/cover.png"].pk,
        }
        cover = images["documents/covers/2024/05/cover.png"]
        assert (cover.title, cover.alt_en, cover.alt_fr, cover.credit) == (
            "Another report",
            "Another cover",
            "Une autre couverture",
            "OSCE",
        )
        # The documents keep their own covers and words.
        kept_cover = Document.objects.get(pk=document.pk)
        assert (kept_cover.image.name, kept_cover.image_alt_en) == (
            "news/2024/05/a.jpg",
            "The report's cover",
        )
        a = images["news/2024/05/a.jpg"]
        assert (a.alt_en, a.alt_ru, a.width, a.height) == ("A bridge", "Мост", 640, 480)
        assert images["news/2024/05/b.png"].credit == "X"
        links = dict(NewsItem.objects.values_list("slug", "library_image_id"))
        assert links == {
            "first": a.pk,
            "shared": a.pk,
            "other": images["news/2024/05/b.png"].pk,
            "bare": None,
        }
        # The items keep their own pictures and words.
        kept = NewsItem.objects.get(pk=shared.pk)
        assert (kept.image.name, kept.image_alt_en) == ("news/2024/05/a.jpg", "Another view")
        assert NewsItem.objects.get(pk=other.pk).image.name == "news/2024/05/b.png"
        assert NewsItem.objects.get(pk=first.pk).image_alt_ru == "Мост"
        assert NewsItem.objects.get(pk=bare.pk).image.name == ""
        assert (
            Project.objects.get(pk=project.pk).library_image_id
            == images["projects/2024/05/a.jpg"].pk
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
