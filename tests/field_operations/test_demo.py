"""Demo profiles: the facts from the repository's data, figures clearly generated, a new run
replaces them and never an editor's profile."""

import random

import pytest
from django.utils import timezone

from demo.field_operations import DEMO_KEY, load_facts, seed_field_operations
from field_operations.models import FieldOperationProfile, Figures
from structures.models import Structure

pytestmark = pytest.mark.django_db


def test_demo_profiles_on_the_real_taxonomy(taxonomy):
    today = timezone.localdate()
    serbia = Structure.objects.get(slug="mission-to-serbia")
    edited = FieldOperationProfile.objects.create(structure=serbia, mandate="<p>Editor's.</p>")
    written = seed_field_operations(random.Random(1), today)
    assert written == len(load_facts()) - 1
    edited.refresh_from_db()
    assert edited.mandate == "<p>Editor's.</p>" and not edited.figures.exists()
    kosovo = FieldOperationProfile.objects.get(structure__slug="mission-in-kosovo")
    assert kosovo.established_by == "PC.DEC/305" and kosovo.source_key == DEMO_KEY
    albania = FieldOperationProfile.objects.get(structure__slug="presence-in-albania")
    assert albania.offices.get(is_head_office=True).city == "Tirana"
    # Every figure is demo data: its source is the reserved domain that never resolves.
    assert not Figures.objects.exclude(source_url__startswith="https://demo.invalid/").exists()
    assert Figures.objects.filter(profile=albania).count() == 5
    croatia = FieldOperationProfile.objects.get(structure__slug="mission-to-croatia")
    assert max(croatia.figures.values_list("year", flat=True)) == 2011
    # A second run replaces the demo profiles and keeps the editor's.
    assert seed_field_operations(random.Random(1), today) == written
    assert FieldOperationProfile.objects.count() == written + 1
