"""documents.0005 keeps a cover uploaded before it (the column is renamed, not dropped) and gives
it the document's title as alt text in each language the document is in, so the new
constraint holds."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("documents", "0004_meeting_documents")]
AFTER = [("documents", "0005_document_cover_image_privacy")]


@pytest.mark.django_db(transaction=True)
def test_an_existing_cover_is_kept_with_the_title_as_alt_text():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    DocumentType = apps.get_model("documents", "DocumentType")
    Document = apps.get_model("documents", "Document")
    kind = DocumentType.objects.get_or_create(slug="report", defaults={"name": "Report"})[0]
    common = {
        "document_type": kind,
        "publication_date": datetime.date(2020, 1, 1),
        "status": "published",
        "publish_at": timezone.now(),
        "in_language_en": True,
    }
    Document.objects.create(
        title="Annual report",
        title_en="Annual report",
        title_ru="Ежегодный доклад",
        in_language_ru=True,
        slug="annual-report",
        cover_image="documents/covers/2020/IMG_1.jpg",
        **common,
    )
    Document.objects.create(title="No cover", title_en="No cover", slug="no-cover", **common)
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        apps = executor.loader.project_state(AFTER).apps
        Document = apps.get_model("documents", "Document")
        # As values: an instance would measure its cover's file, which this test never stored.
        rows = {
            row["slug"]: row
            for row in Document.objects.values(
                "slug", "image", "image_alt_en", "image_alt_ru", "image_alt_fr"
            )
        }
        covered = rows["annual-report"]
        assert covered["image"] == "documents/covers/2020/IMG_1.jpg"
        assert (covered["image_alt_en"], covered["image_alt_ru"]) == (
            "Annual report",
            "Ежегодный доклад",
        )
        assert covered["image_alt_fr"] in (None, "")
        plain = rows["no-cover"]
        assert plain["image"] == "" and plain["image_alt_en"] in (None, "")
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
