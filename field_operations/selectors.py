"""Reads: a field operation's profile for its page, its figures as rows for the CSV and JSON
files, and the comparison of all field operations for one year."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from core.collation import collated
from field_operations.models import FIELD_OPERATION_KINDS, FieldOperationProfile, Figures, Office
from structures.models import Structure

# The files' columns, in this order, whatever is added later (they are read by scripts).
FIGURE_COLUMNS = (
    "year",
    "budget_eur",
    "staff_international",
    "staff_local",
    "staff_total",
    "as_of",
    "source_symbol",
    "source_url",
)


def is_field_operation(structure):
    """Of a loaded structure, or of one loaded without its kind (one query then)."""
    if "kind" in structure.get_deferred_fields():
        return Structure.objects.filter(pk=structure.pk, kind__in=FIELD_OPERATION_KINDS).exists()
    return structure.kind in FIELD_OPERATION_KINDS


def profile_of(structure):
    """The profile with its offices (head office first) and figures (by year), or None."""
    if not is_field_operation(structure):
        return None
    return (
        FieldOperationProfile.objects.filter(structure=structure)
        .prefetch_related(
            Prefetch("offices", Office.objects.in_order().select_related("country")),
            Prefetch("figures", Figures.objects.order_by("year")),
        )
        .first()
    )


def field_operation_or_404(slug):
    return get_object_or_404(Structure, slug=slug, kind__in=FIELD_OPERATION_KINDS)


def figure_rows(structure):
    """One dict per year, keyed by FIGURE_COLUMNS: counts as integers, the budget as a
    decimal string (exact to the cent, as the API writes money), None when unknown (an empty
    cell in the CSV, null in the JSON)."""
    figures = Figures.objects.filter(profile__structure=structure).order_by("year")
    return [
        {
            "year": row.year,
            "budget_eur": None if row.budget is None else str(row.budget),
            "staff_international": row.staff_international,
            "staff_local": row.staff_local,
            "staff_total": row.staff_total,
            "as_of": row.as_of.isoformat(),
            "source_symbol": row.source_symbol,
            "source_url": row.source_url,
        }
        for row in figures
    ]


def figure_years():
    """Every year some field operation has figures for, newest first."""
    return list(Figures.objects.order_by("-year").values_list("year", flat=True).distinct())


@dataclass
class ComparisonRow:
    structure: Structure
    figures: Figures | None

    @property
    def budget(self):
        return self.figures and self.figures.budget

    @property
    def staff(self):
        return self.figures and self.figures.staff_total


SORTS = {
    "name": None,
    "budget": "budget",
    "staff": "staff",
}


def comparison(year, sort="name", status=""):
    """Every field operation (open, closed or both, by `status`) with its figures for `year`;
    by name, or by budget or staff largest first with the operations that have no figure
    for it last. Two queries, whatever the number of operations."""
    operations = Structure.objects.filter(kind__in=FIELD_OPERATION_KINDS).select_related(
        "host_country"
    )
    if status == "open":
        operations = operations.filter(closed_on__isnull=True)
    elif status == "closed":
        operations = operations.filter(closed_on__isnull=False)
    figures = {
        row.profile.structure_id: row
        for row in Figures.objects.filter(year=year).select_related("profile")
    }
    # In the alphabet of the page's language; a stable sort keeps it among equal figures.
    rows = collated(
        (ComparisonRow(s, figures.get(s.pk)) for s in operations),
        name=lambda row: row.structure.name,
    )
    attribute = SORTS.get(sort)
    if attribute:
        known = [row for row in rows if getattr(row, attribute) is not None]
        unknown = [row for row in rows if getattr(row, attribute) is None]
        rows = sorted(known, key=lambda row: getattr(row, attribute), reverse=True) + unknown
    return rows
