import datetime

import pytest

from countries.models import Chairpersonship, CountryAlias
from structures.models import Structure, StructureAlias
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingFactory,
    MeetingTypeFactory,
    NewsItemFactory,
    StructureFactory,
)


@pytest.fixture
def make_content(db):
    """`count` rows of every registered model, each with the relations its list shows."""

    def make(count):
        parent = Structure.objects.filter(name="Secretariat parent").first() or StructureFactory(
            name="Secretariat parent"
        )
        start = Chairpersonship.objects.count()
        for index in range(start, start + count):
            country = CountryFactory()
            CountryAlias.objects.create(country=country, name=f"Alias of {country.name}")
            ChairpersonshipFactory(year=1980 + index, country=country)
            structure = StructureFactory(parent=parent, host_country=country)
            StructureAlias.objects.create(structure=structure, name=f"OSCE {structure.name}")
            field = FieldOfWorkFactory()
            NewsItemFactory(
                issued_by=[structure, parent], fields_of_work=[field], countries=[country]
            )
            MeetingFactory(
                meeting_type=MeetingTypeFactory(),
                host_country=country,
                organiser=structure,
                start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=index),
                end_date=datetime.date(2024, 1, 2) + datetime.timedelta(days=index),
                fields_of_work=[field],
            )

    return make
