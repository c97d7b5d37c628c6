"""Many projects and documents at once (`seed_demo --projects N --documents N`), for measuring
`/projects/` and `/documents/` at the sizes the issue names (10,000 projects, 100,000
documents; bench/run.py seeds them).

The handcrafted demo projects and documents (demo.projects, demo.documents) show what the
pages look like; these show what they cost: plausible titles, dates and tags on the real
taxonomy, written in batches by the demo's writer (`COPY` on PostgreSQL). The documents carry
file rows in one to three languages that all name one tiny shared PDF, so seeding writes no
files and the language facet has values to count; their text is not extracted (the rows say
"done" with no text).
"""

import datetime
from decimal import Decimal

from django.db import router, transaction

from core.publishing import Status
from countries.models import Country
from demo.bulk_delete import delete_in_bulk
from demo.marks import DEMO_URL_PREFIX
from demo.writing import writer_for
from documents.models import Document, DocumentFile, DocumentIssuer, DocumentType, Extraction
from news.models import FieldOfWork
from projects.models import Donor, Funding, Project, ProjectDonor, ProjectImplementer
from structures.models import Structure

BULK_URL_PREFIX = f"{DEMO_URL_PREFIX}bulk/"
BATCH_SIZE = 2000
SHARED_FILE = "documents/demo-bulk.pdf"
FILE_LANGUAGES = ("en", "en", "en", "ru", "fr", "de", "es", "it", "sr-Latn", "uk")
SUBJECTS = (
    "border management",
    "police reform",
    "election observation",
    "media freedom",
    "water governance",
    "youth engagement",
    "combating trafficking",
    "cyber security",
    "gender equality",
    "rule of law",
    "arms control",
    "national minorities",
)
PROJECT_KINDS = ("Support to", "Strengthening", "Capacity building in", "Dialogue on")
DOCUMENT_KINDS = ("Report on", "Guide to", "Handbook on", "Factsheet:", "Statement on")


# The tables the bulk rows go to, for the planner's statistics after the load.
TABLES = (
    Project,
    ProjectImplementer,
    ProjectDonor,
    Project.fields_of_work.through,
    Project.countries.through,
    Document,
    DocumentIssuer,
    DocumentFile,
    Document.fields_of_work.through,
    Document.countries.through,
)


def delete_bulk():
    """Remove what an earlier bulk run wrote, one statement per table; returns (projects,
    documents)."""
    documents = Document.objects.filter(source_url__startswith=BULK_URL_PREFIX)
    delete_in_bulk(DocumentFile.objects.filter(document__in=documents))
    projects = Project.objects.filter(source_url__startswith=BULK_URL_PREFIX)
    return delete_in_bulk(projects), delete_in_bulk(documents)


class _Pools:
    """The taxonomy's ids, read once."""

    def __init__(self):
        self.fields = list(FieldOfWork.objects.values_list("pk", flat=True))
        self.countries = list(Country.objects.values_list("pk", flat=True))
        self.structures = list(Structure.objects.values_list("pk", flat=True))
        self.donors = list(Donor.objects.values_list("pk", flat=True))
        self.types = list(DocumentType.objects.values_list("pk", flat=True))


def _publishing(rng, now):
    """Nearly all live; a few drafts (what visitors must never count)."""
    draft = rng.random() < 0.01
    return {
        "status": Status.DRAFT if draft else Status.PUBLISHED,
        "publish_at": now,
        "in_language_en": True,
        "in_language_ru": rng.random() < 0.3,
        "in_language_fr": rng.random() < 0.08,
    }


def _title(rng, kinds, number):
    return f"{rng.choice(kinds)} {rng.choice(SUBJECTS)} ({number})"


def _some(rng, pool, most):
    return rng.sample(pool, min(len(pool), rng.randrange(0, most + 1)))


def seed_bulk_projects(count, rng, today, now):
    if not count:
        return 0
    pools = _Pools()
    writer = writer_for(transaction.get_connection(router.db_for_write(Project)))
    for first in range(1, count + 1, BATCH_SIZE):
        numbers = range(first, min(first + BATCH_SIZE, count + 1))
        projects = []
        for number in numbers:
            start = today - datetime.timedelta(days=rng.randrange(-400, 9000))
            title = _title(rng, PROJECT_KINDS, number)
            projects.append(
                Project(
                    title=title,
                    title_en=title,
                    slug=f"bulk-project-{number}",
                    summary=f"A project on {rng.choice(SUBJECTS)}.",
                    description="",
                    start_date=start,
                    end_date=start + datetime.timedelta(days=rng.choice([180, 365, 730, 1460])),
                    funding=rng.choice(Funding.values),
                    budget=Decimal(rng.randrange(50, 5000) * 1000) if rng.random() < 0.8 else None,
                    source_url=f"{BULK_URL_PREFIX}projects/{number}",
                    **_publishing(rng, now),
                )
            )
        writer.objects(Project, len(projects), projects)
        links = {"implementers": [], "donors": [], "fields": [], "countries": []}
        for project in projects:
            for position, pk in enumerate(rng.sample(pools.structures, rng.randrange(1, 3))):
                links["implementers"].append((project.pk, pk, position))
            for position, pk in enumerate(_some(rng, pools.donors, 3)):
                links["donors"].append((project.pk, pk, position))
            links["fields"] += [(project.pk, pk) for pk in _some(rng, pools.fields, 2)]
            links["countries"] += [(project.pk, pk) for pk in _some(rng, pools.countries, 3)]
        writer.rows(
            ProjectImplementer, ("project_id", "structure_id", "position"), links["implementers"]
        )
        writer.rows(ProjectDonor, ("project_id", "donor_id", "position"), links["donors"])
        fields, countries = Project.fields_of_work.through, Project.countries.through
        writer.rows(fields, ("project_id", "fieldofwork_id"), links["fields"])
        writer.rows(countries, ("project_id", "country_id"), links["countries"])
    return count


def seed_bulk_documents(count, rng, today, now):
    if not count:
        return 0
    pools = _Pools()
    writer = writer_for(transaction.get_connection(router.db_for_write(Document)))
    for first in range(1, count + 1, BATCH_SIZE):
        numbers = range(first, min(first + BATCH_SIZE, count + 1))
        documents = []
        for number in numbers:
            title = _title(rng, DOCUMENT_KINDS, number)
            documents.append(
                Document(
                    title=title,
                    title_en=title,
                    slug=f"bulk-document-{number}",
                    summary=f"A publication on {rng.choice(SUBJECTS)}.",
                    document_type_id=rng.choice(pools.types),
                    publication_date=today - datetime.timedelta(days=rng.randrange(0, 9000)),
                    source_url=f"{BULK_URL_PREFIX}documents/{number}",
                    **_publishing(rng, now),
                )
            )
        writer.objects(Document, len(documents), documents)
        issuers, files, fields, countries = [], [], [], []
        for document in documents:
            for position, pk in enumerate(rng.sample(pools.structures, rng.randrange(1, 3))):
                issuers.append((document.pk, pk, position))
            for language in set(rng.sample(FILE_LANGUAGES, rng.randrange(1, 4))):
                files.append(
                    DocumentFile(
                        document_id=document.pk,
                        language=language,
                        file=SHARED_FILE,
                        size=1024,
                        pages=1,
                        extraction=Extraction.DONE,
                    )
                )
            fields += [(document.pk, pk) for pk in _some(rng, pools.fields, 2)]
            countries += [(document.pk, pk) for pk in _some(rng, pools.countries, 2)]
        writer.rows(DocumentIssuer, ("document_id", "structure_id", "position"), issuers)
        writer.objects(DocumentFile, len(files), files)
        writer.rows(Document.fields_of_work.through, ("document_id", "fieldofwork_id"), fields)
        writer.rows(Document.countries.through, ("document_id", "country_id"), countries)
    return count
