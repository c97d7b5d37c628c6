"""Who funds projects: the donors (a taxonomy editors keep, like fields of work) and a
project's donors as ordered rows (`ProjectDonor`, the main donor first). A module of its own
beside `projects.models`, which imports it: Django registers the models from there."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.abstract_models import OrderedLink, TaxonomyRecord
from countries.models import Country


class DonorKind(models.TextChoices):
    PARTICIPATING_STATE = "participating-state", _("Participating State")
    # A context of its own: the home page counts "Partner(s) for Co-operation" with a plural.
    PARTNER = "partner", pgettext_lazy("donor kind", "Partner for Co-operation")
    ORGANISATION = "organisation", _("International organisation")
    OTHER = "other", _("Other donor")


class Donor(TaxonomyRecord):
    """Who funds projects: a participating State or Partner (linked to its country, so its
    name follows the country's translations when the donor has none of its own), or another
    donor such as the European Union. A table of its own rather than a generic relation to
    countries and organisations: the donor facet then counts and filters on one link table
    with one slug per donor, like every other facet."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=DonorKind.choices, default=DonorKind.OTHER
    )
    country = models.OneToOneField(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="donor",
        verbose_name=_("country"),
        help_text=_("For a participating State or Partner: the country it is."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("donor")
        verbose_name_plural = _("donors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:list") + f"?donor={self.slug}"

    def clean(self):
        super().clean()
        country_kinds = (DonorKind.PARTICIPATING_STATE, DonorKind.PARTNER)
        if self.kind in country_kinds and self.country_id is None:
            raise ValidationError({"country": _("Choose the country this donor is.")})
        if self.kind not in country_kinds and self.country_id is not None:
            raise ValidationError(
                {"country": _("Only a participating State or a Partner is a country.")}
            )


class ProjectDonor(OrderedLink):
    """One donor of a project, in the editor's order (the main donor first)."""

    linked_field = "donor"

    # By name: `projects.models` imports this module.
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="donor_links"
    )
    donor = models.ForeignKey(
        Donor, on_delete=models.PROTECT, related_name="project_links", verbose_name=_("donor")
    )

    class Meta(OrderedLink.Meta):
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        constraints = [
            models.UniqueConstraint(fields=["project", "donor"], name="projectdonor_unique_donor"),
        ]
        indexes = [models.Index(fields=["donor", "project"], name="projectdonor_donor_project")]
