"""Structures' database rules: the tree has no cycles, dates in order."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from structures.models import Structure
from tests.database_rules import refused_by_database
from tests.factories import (
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def test_a_structure_cannot_be_its_own_parent_in_the_database():
    structure = StructureFactory()
    structure.parent = structure
    refused_by_database(structure.save)
    refused_by_database(lambda: Structure.objects.filter(pk=structure.pk).update(parent=structure))


def test_clean_refuses_a_cycle():
    a = StructureFactory()
    b = StructureFactory(parent=a)
    a.parent = b
    with pytest.raises(ValidationError) as error:
        a.clean()
    assert "parent" in error.value.message_dict


def test_clean_refuses_a_longer_cycle_and_allows_a_valid_move():
    a = StructureFactory()
    b = StructureFactory(parent=a)
    c = StructureFactory(parent=b)
    a.parent = c
    with pytest.raises(ValidationError):
        a.clean()
    other_root = StructureFactory()
    c.parent = other_root
    c.clean()


def test_clean_refuses_self_as_parent():
    a = StructureFactory()
    a.parent = a
    with pytest.raises(ValidationError):
        a.clean()


def test_a_structure_cannot_close_before_it_was_established():
    refused_by_database(
        lambda: StructureFactory(
            established_on=datetime.date(2010, 1, 1), closed_on=datetime.date(2009, 1, 1)
        )
    )
