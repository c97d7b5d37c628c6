"""Meeting documents (`news.MeetingDocument`: a title and a link) become documents linked to
their meeting: an official document with the link as its `external_url`, published exactly
when its meeting is, dated on the meeting's first day and issued by its organiser. The
meeting page lists them from `Document` from now on. A meeting document had one title
shown in every language, so the document is published in every language under that title; `news` drops the old table after this."""

from django.db import migrations

# The site's languages when this migration was written (not read from settings: a migration
# must do the same thing whenever it runs).
LANGUAGES = ("en", "de", "es", "fr", "it", "ru")
from django.utils.text import slugify


def _unique_slug(Document, base):
    base = (slugify(base) or "document")[:200].strip("-") or "document"
    slug, n = base, 1
    while Document.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def forward(apps, schema_editor):
    MeetingDocument = apps.get_model("news", "MeetingDocument")
    Document = apps.get_model("documents", "Document")
    DocumentIssuer = apps.get_model("documents", "DocumentIssuer")
    DocumentType = apps.get_model("documents", "DocumentType")
    official = DocumentType.objects.filter(slug="official-document").first()
    if official is None:
        official = DocumentType.objects.create(
            slug="official-document", name="Official document", name_en="Official document"
        )
    rows = MeetingDocument.objects.select_related("meeting").order_by(
        "meeting_id", "position", "id"
    )
    for row in rows:
        meeting = row.meeting
        document = Document.objects.create(
            title=row.title,
            **{f"title_{code}": row.title for code in LANGUAGES},
            **{f"in_language_{code}": True for code in LANGUAGES},
            slug=_unique_slug(Document, f"{meeting.slug}-{row.title}"),
            document_type=official,
            publication_date=meeting.start_date,
            meeting=meeting,
            external_url=row.url,
            status=meeting.status,
            publish_at=meeting.publish_at,
            expire_at=meeting.expire_at,
        )
        if meeting.organiser_id:
            DocumentIssuer.objects.create(
                document=document, structure_id=meeting.organiser_id, position=0
            )


def backward(apps, schema_editor):
    MeetingDocument = apps.get_model("news", "MeetingDocument")
    Document = apps.get_model("documents", "Document")
    migrated = Document.objects.filter(meeting__isnull=False).exclude(external_url="")
    for position, document in enumerate(migrated.order_by("meeting_id", "id")):
        MeetingDocument.objects.create(
            meeting_id=document.meeting_id,
            title=document.title_en or document.title,
            url=document.external_url,
            position=position,
        )
    migrated.delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_document_types"), ("news", "0008_language_indexes")]

    operations = [migrations.RunPython(forward, backward)]
