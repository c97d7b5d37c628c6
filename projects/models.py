"""Projects: what the organisation's structures carry out, for whom, and who pays for it.

A project is publishable content like a news item (core.publishing: drafts, scheduling,
revisions, languages) and is filtered by the same taxonomy (fields of work, countries,
structures) plus its own: donors, funding and its status. The status (planned, ongoing,
completed) is derived from the dates and today's date, never stored: a stored status would be
wrong the morning after a project ends until someone remembered to change it. The moments a
status changes are scheduled moments like `publish_at` (`next_moments`, `due`), so cached pages
and the listing move on at midnight by themselves.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import languages
from core.abstract_models import OrderedLink, TaxonomyRecord
from core.publishing import Publishable, PublishableQuerySet, publishing_constraints
from core.richtext import PlainTextField, RichTextField
from countries.models import Country
from news.image_fields import ImageContent, ImageFileField
from news.models import FieldOfWork, NewsItem
from structures.models import Structure


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


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class Funding(models.TextChoices):
    UNIFIED = "unified-budget", _("Unified budget")
    EXTRA_BUDGETARY = "extra-budgetary", _("Extra-budgetary")


def status_on(start, end, today):
    """The status of a project running from `start` to `end` (inclusive dates) on `today`."""
    if today < start:
        return ProjectStatus.PLANNED
    if today > end:
        return ProjectStatus.COMPLETED
    return ProjectStatus.ONGOING


def status_condition(status, today):
    """The rows having `status` on `today`, as a condition (the SQL twin of `status_on`)."""
    return {
        ProjectStatus.PLANNED: Q(start_date__gt=today),
        ProjectStatus.ONGOING: Q(start_date__lte=today, end_date__gte=today),
        ProjectStatus.COMPLETED: Q(end_date__lt=today),
    }[status]


def midnight(day):
    """The moment `day` begins in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class ProjectQuerySet(PublishableQuerySet):
    def in_language(self, language=None):
        return self.filter(**{languages.column("in_language", language): True})

    def with_status(self, status, today=None):
        return self.filter(status_condition(status, today or timezone.localdate()))

    def running_between(self, start=None, end=None):
        """Projects running on at least one day from `start` to `end` (either open): a project
        counts in every year it runs."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(end_date__gte=start)
        if end is not None:
            queryset = queryset.filter(start_date__lte=end)
        return queryset

    def with_listing_relations(self):
        """What a card or the metadata block shows, in a fixed number of queries."""
        return self.prefetch_related(
            ProjectImplementer.prefetch("implementers"),
            ProjectDonor.prefetch("donor_links", "donor__country"),
            "fields_of_work",
            "countries",
        )


class Project(ImageContent, Publishable):
    full_text_fields = (("title", "A"), ("summary", "B"), ("description_text", "C"))

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    # An old slug visitors could reach answers 301 to the current one (redirects/).
    redirect_old_slugs = True
    number = models.CharField(
        _("project number"),
        max_length=40,
        blank=True,
        help_text=_("The organisation's reference, e.g. 1100567. Unique when given."),
    )
    summary = models.TextField(
        _("summary"), max_length=1000, blank=True, help_text=_("One or two sentences for lists.")
    )
    description = RichTextField(_("description"), blank=True)
    description_text = PlainTextField(source="description")
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), db_index=True)
    implemented_by = models.ManyToManyField(
        Structure,
        through="ProjectImplementer",
        related_name="projects",
        verbose_name=_("implemented by"),
    )
    funding = models.CharField(
        _("funding"),
        max_length=32,
        choices=Funding.choices,
        default=Funding.EXTRA_BUDGETARY,
        db_index=True,
    )
    budget = models.DecimalField(
        _("budget (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("The project's whole budget in euros; leave empty when it is not known."),
    )
    donors = models.ManyToManyField(
        Donor, through="ProjectDonor", related_name="projects", verbose_name=_("donors")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="projects", verbose_name=_("beneficiary countries")
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, blank=True, related_name="projects", verbose_name=_("fields of work")
    )
    related_news = models.ManyToManyField(
        NewsItem, blank=True, related_name="projects", verbose_name=_("related news")
    )
    # The picture, as a news item's: rewritten without metadata, private while the project is
    # not public, shown only as renditions (news.media_privacy, news.renditions).
    image = ImageFileField(
        _("image"),
        upload_to="projects/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    in_language = models.BooleanField(
        _("published in this language"),
        default=False,
        help_text=_("Visitors reading the site in this language see the project."),
    )
    source_url = models.URLField(
        _("source URL"),
        max_length=500,
        blank=True,
        help_text=_("Where an imported project came from; re-imports match on it."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("author"),
    )

    objects = ProjectQuerySet.as_manager()

    # Order, facet values (status by the dates, funding, languages) and the figures panel
    # (budget): a change of one of these of a visible project moves the listings.
    listing_fields = (
        "start_date",
        "end_date",
        "funding",
        "budget",
        *(f"in_language_{code}" for code in languages.codes()),
    )

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [("publish_project", _("Can publish, unpublish and schedule projects"))]
        constraints = [
            *publishing_constraints("project"),
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="project_unique_number"
            ),
            models.UniqueConstraint(
                fields=["source_url"], condition=~Q(source_url=""), name="project_unique_source"
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="project_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="project_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(funding__in=Funding.values), name="project_funding_valid"
            ),
            models.CheckConstraint(
                condition=languages.image_alt_required(), name="project_image_has_alt_text"
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "publish_at", "expire_at", "start_date", "end_date"],
                name="project_publishing",
            ),
        ]

    def __str__(self):
        return self.title or languages.title_with_language(self)

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _(
                "The project cannot end before it starts: pick an end date on or after the "
                "start date."
            )
        if self.budget is not None and self.budget < 0:
            errors["budget"] = _("A budget cannot be negative.")
        errors.update(languages.missing_translations(self))
        if errors:
            raise ValidationError(errors)

    # Derived, never stored ----------------------------------------------------------------

    def status_on(self, today):
        return status_on(self.start_date, self.end_date, today)

    @property
    def project_status(self):
        return self.status_on(timezone.localdate())

    @property
    def years(self):
        return range(self.start_date.year, self.end_date.year + 1)

    @property
    def ordered_implementers(self):
        """Implementing structures in the editor's order (the first leads); uses a prefetch."""
        return ProjectImplementer.linked_in_order(self.implementers.all())

    @property
    def lead_implementer(self):
        implementers = self.ordered_implementers
        return implementers[0] if implementers else None

    @property
    def ordered_donors(self):
        return ProjectDonor.linked_in_order(self.donor_links.all())

    # Scheduled moments (core.content_state): a status changes at midnight --------------------

    @classmethod
    def moment_aggregates(cls, now):
        today = timezone.localdate(now)
        return {
            **super().moment_aggregates(now),
            "start": Min("start_date", filter=Q(start_date__gt=today)),
            "end": Min("end_date", filter=Q(end_date__gte=today)),
        }

    @classmethod
    def as_moment(cls, key, value):
        if key == "start":
            return midnight(value)  # planned -> ongoing
        if key == "end":
            return midnight(value + datetime.timedelta(days=1))  # ongoing -> completed
        return super().as_moment(key, value)

    @classmethod
    def due(cls, since, until):
        """Besides publishing and expiry: projects that started, or ended, at a midnight
        between `since` (excluded) and `until`."""
        condition = super().due(since, until)
        first = timezone.localdate(since) + datetime.timedelta(days=1)
        last = timezone.localdate(until)
        if first <= last:
            day = datetime.timedelta(days=1)
            condition |= Q(start_date__range=(first, last)) | Q(
                end_date__range=(first - day, last - day)
            )
        return condition


class ProjectImplementer(OrderedLink):
    """One implementing structure of a project; `position` keeps the editor's order (0 =
    lead), as `NewsItemIssuer` does for "Issued by"."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="implementers")
    structure = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        related_name="implemented_links",
        verbose_name=_("structure"),
    )

    class Meta(OrderedLink.Meta):
        verbose_name = _("implementing structure")
        verbose_name_plural = _("implemented by")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "structure"], name="projectimplementer_unique_structure"
            ),
        ]
        indexes = [
            models.Index(fields=["structure", "project"], name="implementer_structure_project")
        ]


class ProjectDonor(OrderedLink):
    """One donor of a project, in the editor's order (the main donor first)."""

    linked_field = "donor"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="donor_links")
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
