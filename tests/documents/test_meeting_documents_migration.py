"""documents.0004 turns every meeting document (a title and a link) into a document linked to
its meeting, published when the meeting is; news.0009 drops the old table."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("documents", "0003_document_types"), ("news", "0008_language_indexes")]
AFTER = [("documents", "0004_meeting_documents"), ("news", "0009_delete_meetingdocument")]


@pytest.mark.django_db(transaction=True)
def test_meeting_documents_become_documents():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    MeetingType = apps.get_model("news", "MeetingType")
    Meeting = apps.get_model("news", "Meeting")
    MeetingDocument = apps.get_model("news", "MeetingDocument")
    series = MeetingType.objects.create(name="Ministerial Council", slug="mc")
    now = timezone.now()
    meeting = Meeting.objects.create(
        title="Ministerial Council 2024",
        slug="mc-2024",
        meeting_type=series,
        start_date=datetime.date(2024, 12, 5),
        end_date=datetime.date(2024, 12, 6),
        status="published",
        publish_at=now,
    )
    MeetingDocument.objects.create(
        meeting=meeting, title="Journal", url="https://a.ex/j", position=1
    )
    MeetingDocument.objects.create(
        meeting=meeting, title="Agenda", url="https://a.ex/a", position=0
    )
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        apps = executor.loader.project_state(AFTER).apps
        Document = apps.get_model("documents", "Document")
        rows = list(Document.objects.order_by("id"))
        assert [row.title for row in rows] == ["Agenda", "Journal"]
        assert {row.meeting_id for row in rows} == {meeting.pk}
        assert rows[0].external_url == "https://a.ex/a"
        assert rows[0].status == "published" and rows[0].publish_at == now
        assert rows[0].publication_date == datetime.date(2024, 12, 5)
        assert rows[0].in_language_ru and rows[0].title_ru == "Agenda"
        assert "news_meetingdocument" not in connection.introspection.table_names()
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
