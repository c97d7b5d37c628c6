"""The pages a site starts with (pages/data/initial_pages.json): about us, contacts,
partnerships, press contacts, privacy, terms of use, the accessibility statement.

Each is created, published, only when no page has its slug yet: a site that already has one
(edited or not, or deleted and made again) keeps it as it is, and migrating again changes
nothing. Reversing deletes nothing either: the pages may have been edited since.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import migrations
from django.utils import timezone

from core.richtext import html_to_text, sanitize_html

DATA = Path(__file__).resolve().parent.parent / "data" / "initial_pages.json"


def create_pages(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    db = schema_editor.connection.alias
    pages = json.loads(DATA.read_text(encoding="utf-8"))["pages"]
    by_slug = {}
    now = timezone.now()
    for entry in pages:
        existing = Page.objects.using(db).filter(slug=entry["slug"]).first()
        if existing is not None:
            by_slug[entry["slug"]] = existing
            continue
        parent = by_slug.get(entry.get("parent")) if entry.get("parent") else None
        texts = {}
        for field in ("title", "summary", "body"):
            for code, value in entry[field].items():
                texts[f"{field}_{code}"] = sanitize_html(value) if field == "body" else value
        page = Page.objects.using(db).create(
            slug=entry["slug"],
            parent=parent,
            menu=entry.get("menu", ""),
            footer=entry.get("footer", ""),
            position=entry["position"],
            status="published",
            publish_at=now,
            title=entry["title"]["en"],
            summary=entry["summary"]["en"],
            body=sanitize_html(entry["body"]["en"]),
            **texts,
        )
        # The plain text the search indexes read, per language: set after the insert, as a
        # historical model's derived fields would all read the untranslated `body`.
        Page.objects.using(db).filter(pk=page.pk).update(
            **{
                f"body_text_{code}": html_to_text(sanitize_html(entry["body"].get(code, "")))
                for code, _name in settings.LANGUAGES
            },
            body_text=html_to_text(sanitize_html(entry["body"]["en"])),
        )
        by_slug[entry["slug"]] = page


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
