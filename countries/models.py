from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.abstract_models import CleanTextModel, TaxonomyRecord


class CountryStatus(models.TextChoices):
    PARTICIPATING_STATE = "participating", _("Participating State")
    ASIAN_PARTNER = "asian-partner", _("Asian Partner for Co-operation")
    MEDITERRANEAN_PARTNER = "mediterranean-partner", _("Mediterranean Partner for Co-operation")
    OTHER = "other", _("Other")


class Country(TaxonomyRecord):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # An old slug visitors could reach answers 301 to the current one (redirects/).
    redirect_old_slugs = True
    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Two letters, e.g. AT. Empty for territories without a code of their own."),
    )
    status = models.CharField(
        _("status"), max_length=32, choices=CountryStatus.choices, db_index=True
    )
    joined_on = models.DateField(_("date joined"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso_code__regex=r"^[A-Z]{2}$"), name="country_iso_code_format"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("countries:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.iso_code = (self.iso_code or "").upper() or None
        super().save(*args, **kwargs)


class CountryAlias(CleanTextModel):
    """Another name the same country is known by ("Russia", "Czech Republic")."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        ordering = ["name"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.UniqueConstraint(Lower("name"), name="country_alias_unique_name"),
        ]

    def __str__(self):
        return self.name


class ChairpersonshipQuerySet(models.QuerySet):
    def current(self, today=None):
        year = (today or timezone.localdate()).year
        return self.select_related("country").filter(year=year).first()


class Chairpersonship(TaxonomyRecord):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="chairpersonships",
        verbose_name=_("country"),
    )

    objects = ChairpersonshipQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Chairpersonship")
        verbose_name_plural = _("Chairpersonships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=1973, year__lte=2100),
                name="chairpersonship_year_range",
            ),
        ]

    def __str__(self):
        return f"{self.country} {self.year}"

    def get_absolute_url(self):
        return self.country.get_absolute_url()
