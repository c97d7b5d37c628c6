import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from core.publishing import Status
from news.models import NewsType
from structures.models import StructureKind
from tests.factories import CountryFactory, FieldOfWorkFactory, NewsItemFactory, StructureFactory


@pytest.fixture
def world(db):
    """A small organisation and news that exercises every filtering rule.

    The Secretariat has a department (TNTD) with a unit (SPMU) and a centre (CPC); item `c` is
    issued jointly by SPMU and CPC, so it must count once for the Secretariat.
    """
    secretariat = StructureFactory(
        name="Secretariat", slug="secretariat", kind=StructureKind.SECRETARIAT
    )
    tntd = StructureFactory(
        name="Transnational Threats Department", slug="tntd", parent=secretariat
    )
    spmu = StructureFactory(name="Strategic Police Matters Unit", slug="spmu", parent=tntd)
    cpc = StructureFactory(name="Conflict Prevention Centre", slug="cpc", parent=secretariat)
    odihr = StructureFactory(
        name="Office for Democratic Institutions and Human Rights",
        slug="odihr",
        kind=StructureKind.INSTITUTION,
    )
    mission = StructureFactory(
        name="Mission to Serbia", slug="mission-to-serbia", kind=StructureKind.FIELD_OPERATION
    )
    policing = FieldOfWorkFactory(name="Policing", slug="policing")
    elections = FieldOfWorkFactory(name="Elections", slug="elections")
    gender = FieldOfWorkFactory(name="Gender equality", slug="gender-equality")
    FieldOfWorkFactory(name="Cyber security", slug="cyber-security")
    serbia = CountryFactory(name="Serbia", slug="serbia")
    albania = CountryFactory(name="Albania", slug="albania")
    CountryFactory(name="Malta", slug="malta")

    def item(slug, issued_on, **kwargs):
        return NewsItemFactory(
            slug=slug,
            title=f"Item {slug}",
            issued_on=datetime.date.fromisoformat(issued_on),
            **kwargs,
        )

    now = timezone.now()
    items = SimpleNamespace(
        a=item(
            "a",
            "2020-01-01",
            fields_of_work=[policing],
            countries=[serbia],
            issued_by=[mission],
            type=NewsType.PRESS_RELEASE,
        ),
        b=item(
            "b", "2020-06-15", fields_of_work=[elections], countries=[serbia], issued_by=[odihr]
        ),
        c=item(
            "c",
            "2020-12-31",
            fields_of_work=[policing, elections],
            countries=[albania],
            issued_by=[spmu, cpc],
        ),
        d=item(
            "d",
            "2021-03-01",
            fields_of_work=[gender],
            issued_by=[secretariat],
            type=NewsType.PRESS_STATEMENT,
        ),
        e=item(
            "e",
            "2019-12-31",
            fields_of_work=[policing],
            countries=[albania, serbia],
            issued_by=[tntd, odihr],
            type=NewsType.SPOT_REPORT,
        ),
        draft=item(
            "draft",
            "2020-05-05",
            fields_of_work=[policing],
            countries=[serbia],
            issued_by=[mission],
            status=Status.DRAFT,
        ),
        scheduled=item(
            "scheduled",
            "2020-05-05",
            fields_of_work=[policing],
            countries=[serbia],
            issued_by=[mission],
            publish_at=now + datetime.timedelta(days=2),
        ),
        expired=item(
            "expired",
            "2020-05-05",
            fields_of_work=[policing],
            countries=[serbia],
            issued_by=[mission],
            publish_at=now - datetime.timedelta(days=10),
            expire_at=now - datetime.timedelta(days=1),
        ),
    )
    return SimpleNamespace(
        items=items,
        structures=SimpleNamespace(
            secretariat=secretariat, tntd=tntd, spmu=spmu, cpc=cpc, odihr=odihr, mission=mission
        ),
        fields=SimpleNamespace(policing=policing, elections=elections, gender=gender),
        countries=SimpleNamespace(serbia=serbia, albania=albania),
    )


HIDDEN = {"draft", "scheduled", "expired"}
