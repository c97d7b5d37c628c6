"""The document types the site starts with; editors add more in the admin. Never overwrites
a type an editor already has (matched by slug)."""

from django.db import migrations

TYPES = [
    ("report", "Report", "Bericht", "Rapport", "Informe", "Rapporto", "Доклад"),
    (
        "guidebook",
        "Guidebook or manual",
        "Leitfaden oder Handbuch",
        "Guide ou manuel",
        "Guía o manual",
        "Guida o manuale",
        "Руководство",
    ),
    ("handbook", "Handbook", "Handbuch", "Manuel", "Manual", "Manuale", "Справочник"),
    ("factsheet", "Factsheet", "Factsheet", "Fiche d’information", "Hoja informativa",
     "Scheda informativa", "Информационный бюллетень"),
    ("brochure", "Brochure", "Broschüre", "Brochure", "Folleto", "Opuscolo", "Брошюра"),
    (
        "official-document",
        "Official document",
        "Offizielles Dokument",
        "Document officiel",
        "Documento oficial",
        "Documento ufficiale",
        "Официальный документ",
    ),
    ("statement", "Statement", "Erklärung", "Déclaration", "Declaración", "Dichiarazione",
     "Заявление"),
    ("speech", "Speech", "Rede", "Discours", "Discurso", "Discorso", "Выступление"),
]


def create(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    for position, (slug, en, de, fr, es, it, ru) in enumerate(TYPES):
        if DocumentType.objects.filter(slug=slug).exists():
            continue
        DocumentType.objects.create(
            slug=slug,
            name=en,
            name_en=en,
            name_de=de,
            name_fr=fr,
            name_es=es,
            name_it=it,
            name_ru=ru,
            position=position,
            source_key=f"document-type:{slug}",
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_search_index")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
