"""The rules of a profile and its figures, in the form (full_clean) and in the database."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from field_operations.models import Figures, Office
from field_operations.symbols import symbol_url
from structures.kinds import StructureKind
from tests.factories import (
    CountryFactory,
    FieldOperationProfileFactory,
    FiguresFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def figures(profile, **values):
    row = Figures(
        profile=profile,
        year=values.pop("year", 2024),
        as_of=values.pop("as_of", datetime.date(2024, 12, 31)),
        source_symbol=values.pop("source_symbol", "PC.DEC/1162"),
        **{"budget": Decimal("10"), **values},
    )
    return row


@pytest.mark.parametrize("year", [1989, 2101, 0])
def test_a_year_outside_1990_to_2100_is_refused_by_form_and_database(year):
    profile = FieldOperationProfileFactory()
    row = figures(profile, year=year)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "year" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_a_negative_budget_is_refused_by_form_and_database():
    row = figures(FieldOperationProfileFactory(), budget=Decimal("-1"))
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "budget" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_negative_staff_is_refused_by_form_and_database():
    row = figures(FieldOperationProfileFactory(), staff_local=-3)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "staff_local" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_one_row_per_operation_and_year():
    row = FiguresFactory(year=2023)
    again = figures(row.profile, year=2023)
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert "There is already a row for this year." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()
    # Another operation may have the same year.
    figures(FieldOperationProfileFactory(), year=2023).full_clean()


def test_a_row_names_a_source_and_at_least_one_figure():
    row = figures(FieldOperationProfileFactory(), source_symbol="", budget=None)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert set(error.value.message_dict) == {"source_symbol", "budget"}
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()
    row.source_url = "https://example.org/budget.pdf"
    row.staff_international = 0
    row.full_clean()


@pytest.mark.parametrize(
    ("symbol", "valid"),
    [
        ("PC.DEC/1162", True),
        ("MC.DEC/3/16/Corr.1", True),
        ("pc.dec/1162", False),
        ("PC.DEC 1162", False),
        ("PC.DEC", False),
        ("javascript:alert(1)/x", False),
    ],
)
def test_document_symbols_are_checked(symbol, valid):
    profile = FieldOperationProfileFactory(established_by=symbol)
    if valid:
        profile.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            profile.full_clean()
        assert "established_by" in error.value.message_dict


def test_a_symbol_links_to_the_documents_address_in_the_readers_language():
    from django.utils import translation

    assert symbol_url("PC.DEC/1162") == "/documents/symbol/PC.DEC/1162/"
    with translation.override("ru"):
        assert symbol_url("MC.DEC/3/16") == "/ru/documents/symbol/MC.DEC/3/16/"
    assert symbol_url("") == ""


def test_only_a_field_operation_open_or_closed_has_a_profile():
    secretariat = StructureFactory(kind=StructureKind.SECRETARIAT)
    with pytest.raises(ValidationError) as error:
        FieldOperationProfileFactory.build(structure=secretariat).full_clean()
    assert "structure" in error.value.message_dict
    closed = StructureFactory(kind=StructureKind.CLOSED_FIELD_ACTIVITY)
    FieldOperationProfileFactory.build(structure=closed).full_clean()


def test_the_mandate_is_sanitised_on_save():
    profile = FieldOperationProfileFactory(
        mandate='<p onclick="x()">Helps.<script>alert(1)</script></p>'
    )
    profile.refresh_from_db()
    assert "script" not in profile.mandate and "onclick" not in profile.mandate
    assert "Helps." in profile.mandate


def test_offices_come_head_office_first_and_there_is_only_one():
    profile = FieldOperationProfileFactory()
    country = CountryFactory()
    Office.objects.create(profile=profile, city="Osh", country=country, position=0)
    Office.objects.create(
        profile=profile, city="Bishkek", country=country, position=5, is_head_office=True
    )
    assert [o.city for o in profile.offices.in_order()] == ["Bishkek", "Osh"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Office.objects.create(profile=profile, city="X", country=country, is_head_office=True)


def test_staff_total_adds_what_is_known():
    assert FiguresFactory.build(staff_international=3, staff_local=None).staff_total == 3
    assert FiguresFactory.build(staff_international=None, staff_local=None).staff_total is None
