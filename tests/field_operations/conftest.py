import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from field_operations.models import Office
from structures.kinds import StructureKind
from tests.factories import (
    CountryFactory,
    FieldOperationProfileFactory,
    FiguresFactory,
    StructureFactory,
)


@pytest.fixture
def operations(db):
    """Three field operations (two open, one closed) with figures for 2023 and 2024, ranked
    differently by budget and by staff; one without figures; and a body that is not a field
    operation."""
    serbia = CountryFactory(name="Serbia", slug="serbia")
    albania = CountryFactory(name="Albania", slug="albania")
    croatia = CountryFactory(name="Croatia", slug="croatia")
    group = StructureFactory(name="Field operations", slug="field-operations-group")

    def operation(name, slug, country, **extra):
        return StructureFactory(
            name=name,
            slug=slug,
            kind=extra.pop("kind", StructureKind.FIELD_OPERATION),
            parent=group,
            host_country=country,
            **extra,
        )

    mission = operation("Mission to Serbia", "mission-to-serbia", serbia)
    presence = operation("Presence in Albania", "presence-in-albania", albania)
    croatia_mission = operation(
        "Mission to Croatia",
        "mission-to-croatia",
        croatia,
        kind=StructureKind.CLOSED_FIELD_ACTIVITY,
        closed_on=datetime.date(2011, 12, 31),
    )
    empty = operation("Centre in Nowhere", "centre-in-nowhere", None)
    profile = FieldOperationProfileFactory(
        structure=mission,
        mandate_en="<p>Assists Serbia in democratization.</p>",
        mandate_de="<p>Unterstützt Serbien.</p>",
        established_by="PC.DEC/401",
        head_name="Jane Example",
        head_title_en="Head of Mission",
        head_since=datetime.date(2023, 3, 1),
    )
    Office.objects.create(profile=profile, city="Novi Pazar", country=serbia, position=0)
    Office.objects.create(
        profile=profile, city="Belgrade", country=serbia, position=1, is_head_office=True
    )
    presence_profile = FieldOperationProfileFactory(structure=presence, mandate="")
    croatia_profile = FieldOperationProfileFactory(structure=croatia_mission)
    # 2024: budget Serbia > Croatia > Albania; staff Albania > Croatia > Serbia.
    FiguresFactory(profile=profile, year=2023, budget=Decimal("20000000.00"))
    FiguresFactory(
        profile=profile,
        year=2024,
        budget=Decimal("21500000.50"),
        staff_international=10,
        staff_local=20,
        source_symbol="PC.ACMF/12/24",
    )
    FiguresFactory(
        profile=presence_profile,
        year=2024,
        budget=Decimal("5000000"),
        staff_international=30,
        staff_local=300,
        source_symbol="",
        source_url="https://example.org/presence-2024.pdf",
    )
    FiguresFactory(profile=croatia_profile, year=2024, budget=Decimal("9000000"), staff_local=100)
    return SimpleNamespace(
        mission=mission,
        presence=presence,
        croatia=croatia_mission,
        empty=empty,
        group=group,
        profile=profile,
    )
