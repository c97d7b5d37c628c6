import datetime
from types import SimpleNamespace

import pytest

from core.publishing import Status
from documents.models import DocumentType
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    ProjectFactory,
    StructureFactory,
)


@pytest.fixture
def world(db):
    """Documents of two types, issued by a structure tree, in several file languages and
    years, with a draft and a Russian-only one."""
    spmu = StructureFactory(slug="spmu", name="Strategic Police Matters Unit", acronym="SPMU")
    unit = StructureFactory(slug="unit", parent=spmu)
    odihr = StructureFactory(slug="odihr", name="ODIHR", acronym="ODIHR")
    policing = FieldOfWorkFactory(slug="policing")
    elections = FieldOfWorkFactory(slug="elections")
    serbia = CountryFactory(slug="serbia")
    moldova = CountryFactory(slug="moldova")
    decision, _ = DocumentType.objects.get_or_create(slug="decision", defaults={"name": "Decision"})
    news = NewsItemFactory(slug="guidebook-launched")
    project = ProjectFactory(slug="ilp")
    guidebook = DocumentFactory(
        slug="guidebook",
        title="Policing guidebook",
        symbol="SEC.GAL/1/20",
        issued_by=[unit, odihr],
        fields_of_work=[policing],
        countries=[serbia],
        related_news=[news],
        projects=[project],
        files={"en": "policing text", "ru": "текст"},
    )
    DocumentFactory(
        slug="election-report",
        issued_by=[odihr],
        fields_of_work=[elections],
        countries=[moldova],
        publication_date=datetime.date(2012, 3, 1),
        files={"en": "elections"},
    )
    DocumentFactory(
        slug="decision-1",
        title="Decision on policing",
        document_type=decision,
        issued_by=[spmu],
        countries=[serbia, moldova],
        publication_date=datetime.date(2023, 5, 1),
        files={"fr": "décision"},
    )
    DocumentFactory(slug="draft-document", status=Status.DRAFT, issued_by=[spmu])
    DocumentFactory(
        slug="russian-only",
        in_language_en=False,
        in_language_ru=True,
        title_ru="Только по-русски",
        issued_by=[spmu],
    )
    return SimpleNamespace(guidebook=guidebook, spmu=spmu, odihr=odihr)
