from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import languages
from core.abstract_models import CleanTextModel, TaxonomyRecord
from countries.models import Country
from structures.kinds import StructureKind
from structures.tree import StructureTree


class StructureQuerySet(models.QuerySet):
    def tree(self):
        """These structures as a tree, from one query."""
        return StructureTree(self)

    def named(self, term):
        """Structures whose name in any language holds `term`, or whose acronym or an alias
        is `term` (an editor searching "ODIHR" or "Mission to Serbia")."""
        condition = Q(acronym__iexact=term) | Q(aliases__name__iexact=term)
        for code in languages.codes():
            condition |= Q(**{f"name_{code}__icontains": term})
        return self.filter(condition).values("pk")


class Structure(TaxonomyRecord):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    # An old slug visitors could reach answers 301 to the current one (redirects/).
    redirect_old_slugs = True
    # How running text names it ("OSCE Secretariat", "OSZE-Sekretariat"), where menus and
    # facet lists keep the short `name`; outside the loader's checksum like the contacts.
    running_name = models.CharField(
        _("name in running text"),
        max_length=250,
        blank=True,
        help_text=_(
            "How a sentence names it, e.g. “OSCE Secretariat”, “OSCE Mission to Serbia”. "
            "Empty: the name."
        ),
    )
    acronym = models.CharField(
        _("short name or acronym"), max_length=40, blank=True, help_text=_("E.g. ODIHR, CPC.")
    )
    kind = models.CharField(_("kind"), max_length=32, choices=StructureKind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    host_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_structures",
        verbose_name=_("host country"),
        help_text=_("For field operations: the participating State where it works."),
    )
    location = models.CharField(
        _("location"), max_length=120, blank=True, help_text=_("Seat or region, e.g. Warsaw.")
    )
    description = models.TextField(_("description"), blank=True)
    established_on = models.DateField(_("established"), null=True, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True, db_index=True)
    position = models.PositiveIntegerField(_("position among siblings"), default=0)
    # Contacts shown beside the structure's page, where known (editors fill them in; the data
    # files do not carry them, so `load_taxonomy` neither sets nor compares them).
    address = models.TextField(
        _("postal address"), blank=True, help_text=_("One line per line of the address.")
    )
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)

    objects = StructureQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("structure")
        verbose_name_plural = _("structures and institutions")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="structure_not_own_parent"
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(established_on__isnull=True)
                | models.Q(closed_on__gte=models.F("established_on")),
                name="structure_closed_after_established",
            ),
        ]
        indexes = [models.Index(fields=["parent", "position"])]

    def __str__(self):
        return self.name

    @property
    def name_in_text(self):
        """The name for running text ("Issued by OSCE Secretariat"), else the short name."""
        return self.running_name or self.name

    @property
    def has_contacts(self):
        return bool(self.address or self.phone or self.email or self.website)

    def get_absolute_url(self):
        return reverse("structures:detail", kwargs={"slug": self.slug})

    @property
    def is_closed(self):
        return self.closed_on is not None

    def clean(self):
        super().clean()
        if self.parent_id and self.pk:
            above = Structure.objects.only("parent").tree().ancestors(self.parent_id)
            if self.parent_id == self.pk or self.pk in {node.pk for node in above}:
                raise ValidationError(
                    {"parent": _("A structure cannot sit under itself or one of its own units.")}
                )


class StructureAlias(CleanTextModel):
    """Another name the same body is known by: the "OSCE …" form, a former name."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.UniqueConstraint(Lower("name"), name="structure_alias_unique_name"),
        ]

    def __str__(self):
        return self.name
