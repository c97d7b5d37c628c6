"""What a field operation is: its profile (mandate, the decision that set it up, head of
mission), its offices and its figures by year.

The profile is a `TaxonomyRecord` beside the structure it describes, not fields on
`Structure`: the structures app stays the one tree of bodies, and only field operations have a
profile. Being taxonomy, a change to a profile, an office or a figure moves every cached page
(website.invalidation finds them through the app registry), as an edit of a structure does.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.abstract_models import CleanTextModel, TaxonomyRecord
from core.richtext import RichTextField
from countries.models import Country
from field_operations.symbols import symbol_url, validate_symbol
from structures.kinds import StructureKind
from structures.models import Structure

FIELD_OPERATION_KINDS = (StructureKind.FIELD_OPERATION, StructureKind.CLOSED_FIELD_ACTIVITY)
# The first field operations date from 1992; a year past 2100 is a typing error.
FIRST_YEAR, LAST_YEAR = 1990, 2100


class FieldOperationProfile(TaxonomyRecord):
    structure = models.OneToOneField(
        Structure,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("field operation"),
        limit_choices_to={"kind__in": FIELD_OPERATION_KINDS},
    )
    mandate = RichTextField(_("mandate"), blank=True)
    established_by = models.CharField(
        _("established by (document symbol)"),
        max_length=60,
        blank=True,
        validators=[validate_symbol],
        help_text=_("The decision that set it up, e.g. PC.DEC/1162. Leave empty if unsure."),
    )
    head_name = models.CharField(_("head of mission"), max_length=200, blank=True)
    head_title = models.CharField(
        _("head's title"), max_length=200, blank=True, help_text=_("E.g. Head of Mission.")
    )
    head_since = models.DateField(_("head since"), null=True, blank=True)

    class Meta:
        verbose_name = _("field-operation profile")
        verbose_name_plural = _("field-operation profiles")
        ordering = ["structure__position", "structure__name"]

    def __str__(self):
        return str(self.structure)

    def clean(self):
        super().clean()
        if self.structure_id and self.structure.kind not in FIELD_OPERATION_KINDS:
            raise ValidationError(
                {"structure": _("Only a field operation (open or closed) has a profile.")}
            )

    @property
    def decision_url(self):
        return symbol_url(self.established_by)


class OfficeQuerySet(models.QuerySet):
    def in_order(self):
        """The head office first, then the editor's order."""
        return self.order_by("-is_head_office", "position", "pk")


class Office(CleanTextModel):
    profile = models.ForeignKey(
        FieldOperationProfile, on_delete=models.CASCADE, related_name="offices"
    )
    city = models.CharField(_("city"), max_length=120)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="field_offices", verbose_name=_("country")
    )
    is_head_office = models.BooleanField(_("head office"), default=False)
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["-is_head_office", "position", "pk"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        constraints = [
            models.UniqueConstraint(
                fields=["profile"],
                condition=Q(is_head_office=True),
                name="office_one_head_office",
                violation_error_message=_("A field operation has one head office."),
            ),
        ]

    def __str__(self):
        return self.city


class Figures(CleanTextModel):
    """One year's figures of one field operation, with when they held and where they come
    from. Budget and staff are each optional (a year may be known for one and not the other),
    but a row says at least one of them."""

    profile = models.ForeignKey(
        FieldOperationProfile, on_delete=models.CASCADE, related_name="figures"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    budget = models.DecimalField(
        _("unified budget (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    staff_international = models.PositiveIntegerField(
        _("international staff"), null=True, blank=True
    )
    staff_local = models.PositiveIntegerField(_("local staff"), null=True, blank=True)
    as_of = models.DateField(_("as of"))
    source_symbol = models.CharField(
        _("source (document symbol)"), max_length=60, blank=True, validators=[validate_symbol]
    )
    source_url = models.URLField(_("source (address)"), max_length=500, blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("figures for a year")
        verbose_name_plural = _("figures by year")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "year"],
                name="figures_one_row_per_year",
                violation_error_message=_("There is already a row for this year."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR), name="figures_year_range"
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="figures_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(source_symbol="", source_url=""), name="figures_have_a_source"
            ),
        ]

    def __str__(self):
        return f"{self.profile} {self.year}"

    @property
    def staff_total(self):
        if self.staff_international is None and self.staff_local is None:
            return None
        return (self.staff_international or 0) + (self.staff_local or 0)

    @property
    def source_link(self):
        return symbol_url(self.source_symbol) or self.source_url

    def clean(self):
        super().clean()
        errors = {}
        if not self.source_symbol and not self.source_url:
            errors["source_symbol"] = _("Name the source: a document symbol or an address.")
        if self.budget is None and self.staff_international is None and self.staff_local is None:
            errors["budget"] = _("Enter the budget, the staff, or both.")
        if errors:
            raise ValidationError(errors)
