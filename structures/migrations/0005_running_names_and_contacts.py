"""Fills the names in running text ("OSCE Secretariat", in six languages) and the institutions'
public contact details from the repository's data file into the structures a site already
has, where they are empty: a value an editor typed is never replaced, and no structure is
created (`load_taxonomy` does that). The same values reach new sites through the loader."""

import json
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "structures.json"
LANGUAGES = ("en", "de", "es", "fr", "it", "ru")
CONTACT_KEYS = ("address", "phone", "email", "website")


def entries(items):
    for entry in items:
        yield entry
        yield from entries(entry.get("children", []))


def wanted(entry):
    """{column: value} the entry gives: running names per language and contact details."""
    values = {"running_name_en": entry.get("running_name", "")}
    for language in LANGUAGES[1:]:
        texts = (entry.get("translations") or {}).get(language) or {}
        values[f"running_name_{language}"] = texts.get("running_name", "")
    contacts = entry.get("contacts") or {}
    values.update({name: contacts.get(name, "") for name in CONTACT_KEYS})
    return {column: value for column, value in values.items() if value}


def fill(apps, schema_editor):
    Structure = apps.get_model("structures", "Structure")
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    for entry in entries(data):
        row = (
            Structure.objects.filter(source_key=entry["key"]).first()
            or Structure.objects.filter(slug=entry["slug"]).first()
        )
        if row is None:
            continue
        missing = {
            column: value
            for column, value in wanted(entry).items()
            if not getattr(row, column)
        }
        if missing:
            Structure.objects.filter(pk=row.pk).update(**missing)


class Migration(migrations.Migration):
    dependencies = [("structures", "0004_structure_running_name")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
