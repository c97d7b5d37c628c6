"""Meeting documents are documents now (documents.0004 moved every row); the old table goes,
and so do the revision rows that remembered it (a revision holding a model that no longer
exists could not be restored)."""

from django.db import migrations


def forget_revision_rows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    kind = ContentType.objects.filter(app_label="news", model="meetingdocument").first()
    if kind is not None:
        Version.objects.filter(content_type=kind).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_language_indexes"),
        ("documents", "0004_meeting_documents"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forget_revision_rows, migrations.RunPython.noop),
        migrations.DeleteModel(name="MeetingDocument"),
    ]
