import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from core.publishing import Status
from projects.models import DonorKind, Funding
from structures.models import StructureKind
from tests.factories import (
    CountryFactory,
    DonorFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    ProjectFactory,
    StructureFactory,
)


def years_ago(years, today=None):
    today = today or timezone.localdate()
    return today.replace(year=today.year - years, month=1, day=1)


@pytest.fixture
def world(db):
    """A small organisation with projects that exercise every filtering rule: a tree of
    structures (a project implemented jointly by two units of the Secretariat counts once for
    it), projects planned, ongoing and completed on today's date, several donors, both kinds
    of funding, budgets known and unknown, and projects visitors must never count (a draft, a
    scheduled one, one in Russian only)."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    secretariat = StructureFactory(
        name="Secretariat", slug="secretariat", kind=StructureKind.SECRETARIAT
    )
    tntd = StructureFactory(
        name="Transnational Threats Department", slug="tntd", parent=secretariat
    )
    spmu = StructureFactory(name="Strategic Police Matters Unit", slug="spmu", parent=tntd)
    cpc = StructureFactory(name="Conflict Prevention Centre", slug="cpc", parent=secretariat)
    mission = StructureFactory(
        name="Mission to Serbia", slug="mission-to-serbia", kind=StructureKind.FIELD_OPERATION
    )
    policing = FieldOfWorkFactory(name="Policing", slug="policing")
    borders = FieldOfWorkFactory(name="Border management", slug="border-management")
    gender = FieldOfWorkFactory(name="Gender equality", slug="gender-equality")
    serbia = CountryFactory(name="Serbia", slug="serbia")
    moldova = CountryFactory(name="Moldova", slug="moldova")
    norway_country = CountryFactory(name="Norway", slug="norway")
    norway = DonorFactory(
        name="Norway", slug="norway", kind=DonorKind.PARTICIPATING_STATE, country=norway_country
    )
    germany = DonorFactory(name="Germany", slug="germany")
    eu = DonorFactory(name="European Union", slug="european-union", kind=DonorKind.ORGANISATION)
    ilp = ProjectFactory(
        title="Intelligence-led Policing",
        slug="ilp",
        number="1101234",
        start_date=years_ago(3, today),
        end_date=today + 365 * day,
        implemented_by=[spmu, cpc],
        donors=[norway, germany],
        fields_of_work=[policing],
        countries=[serbia, moldova],
        budget=Decimal("1250000.00"),
    )
    borders_project = ProjectFactory(
        title="Border security",
        slug="border-security",
        start_date=years_ago(8, today),
        end_date=years_ago(6, today) + 200 * day,
        implemented_by=[mission],
        donors=[eu],
        fields_of_work=[borders, policing],
        countries=[serbia],
        budget=Decimal("400000.50"),
    )
    gender_project = ProjectFactory(
        title="Women in policing",
        slug="women-in-policing",
        start_date=today + 30 * day,
        end_date=today + 700 * day,
        implemented_by=[tntd],
        donors=[germany, eu],
        fields_of_work=[gender, policing],
        countries=[moldova],
        funding=Funding.UNIFIED,
        budget=None,
    )
    core = ProjectFactory(
        title="Core policing support",
        slug="core-support",
        start_date=years_ago(1, today),
        end_date=today,
        implemented_by=[secretariat],
        funding=Funding.UNIFIED,
        budget=Decimal("99.99"),
    )
    hidden = [
        ProjectFactory(
            title="Draft project",
            slug="draft-project",
            status=Status.DRAFT,
            implemented_by=[spmu],
            donors=[norway],
            fields_of_work=[policing],
            countries=[serbia],
            budget=Decimal("5000000"),
        ),
        ProjectFactory(
            title="Scheduled project",
            slug="scheduled-project",
            publish_at=timezone.now() + datetime.timedelta(days=2),
            implemented_by=[spmu],
            donors=[norway],
            fields_of_work=[policing],
            budget=Decimal("7000000"),
        ),
        ProjectFactory(
            title="",
            title_ru="Проект только на русском",
            slug="russian-only",
            in_language_en=False,
            in_language_ru=True,
            implemented_by=[spmu],
            donors=[norway],
            fields_of_work=[policing],
            budget=Decimal("3000000"),
        ),
    ]
    news = NewsItemFactory(title="Guidebook launched", slug="guidebook-launched")
    ilp.related_news.add(news)
    return SimpleNamespace(**locals())
