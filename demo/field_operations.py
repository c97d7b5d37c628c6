"""Demo profiles of the field operations: the facts in `field_operations/data/profiles.json`
(mandates, the decisions whose symbols are certain, offices) and figures made up here.

The figures are demo data, not facts: budgets and staff drawn from a seeded generator, each
row's source an address under the reserved demo domain (demo.marks), so nobody mistakes them
for the organisation's numbers. Profiles written here carry `source_key = "demo"`; a new run
replaces them and leaves a profile an editor created alone.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from countries.models import Country
from demo.marks import DEMO_URL_PREFIX
from field_operations.models import FieldOperationProfile, Figures, Office
from structures.models import Structure

DATA = Path(__file__).resolve().parent.parent / "field_operations" / "data" / "profiles.json"
DEMO_KEY = "demo"
YEARS = 5


def load_facts():
    return json.loads(DATA.read_text(encoding="utf-8"))["profiles"]


def _years(structure, today):
    last = structure.closed_on.year if structure.closed_on else today.year
    return range(last - YEARS + 1, last + 1)


def _figures(profile, structure, rng, today):
    budget = Decimal(rng.randrange(2_000, 40_000)) * 1000
    international = rng.randrange(8, 90)
    local = rng.randrange(30, 450)
    rows = []
    for year in _years(structure, today):
        as_of = min(datetime.date(year, 12, 31), today)
        rows.append(
            Figures(
                profile=profile,
                year=year,
                budget=budget,
                staff_international=international,
                staff_local=local,
                as_of=as_of,
                source_url=f"{DEMO_URL_PREFIX}field-operations/{structure.slug}/{year}",
            )
        )
        budget = (budget * Decimal(rng.uniform(0.92, 1.06)) / 1000).quantize(Decimal(1)) * 1000
        international = max(1, international + rng.randrange(-4, 5))
        local = max(1, local + rng.randrange(-15, 16))
    return rows


def seed_field_operations(rng, today):
    """Replace the demo profiles; returns how many were written."""
    FieldOperationProfile.objects.filter(source_key=DEMO_KEY).delete()
    kept = set(FieldOperationProfile.objects.values_list("structure_id", flat=True))
    structures = {s.slug: s for s in Structure.objects.all()}
    countries = {c.slug: c for c in Country.objects.all()}
    written = 0
    for fact in load_facts():
        structure = structures.get(fact["structure"])
        if structure is None or structure.pk in kept:
            continue
        profile = FieldOperationProfile.objects.create(
            structure=structure,
            source_key=DEMO_KEY,
            mandate_en=f"<p>{fact['mandate']}</p>",
            established_by=fact["established_by"],
        )
        Office.objects.bulk_create(
            Office(
                profile=profile,
                city_en=city,
                country=countries[country],
                is_head_office=position == 0,
                position=position,
            )
            for position, (city, country) in enumerate(fact["offices"])
            if country in countries
        )
        Figures.objects.bulk_create(_figures(profile, structure, rng, today))
        written += 1
    return written
