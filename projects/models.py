"""Projects: what the organisation's structures carry out, for whom, and who pays for it.

A project is publishable content like a news item (core.publishing: drafts, scheduling,
revisions, languages) and is filtered by the same taxonomy (fields of work, countries,
structures) plus its own: donors, funding and its status. The status (planned, ongoing,
completed) is derived from the dates and today's date, never stored: a stored status would be
wrong the morning after a project ends until someone remembered to change it. The moments a
status changes are scheduled moments like `publish_at` (`next_moments`, `due`), so cached pages
and the listing move on at midnight by themselves.

The donors (`projects.donors`) and the status (`projects.status`) have modules of their own;
their names are importable from here too.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import languages
from core.abstract_models import OrderedLink
from core.listed_content import ListedContent, ListedContentQuerySet
from core.publishing import publishing_constraints
from core.richtext import PlainTextField, RichTextField
from countries.models import Country
from news.image_fields import ImageContent, ImageFileField
from news.models import FieldOfWork, NewsItem
from projects.donors import Donor, ProjectDonor
from projects.donors import DonorKind as DonorKind  # the app's names stay importable from here
from projects.status import ProjectStatus as ProjectStatus
from projects.status import midnight, status_condition, status_on
from structures.models import Structure


class Funding(models.TextChoices):
    UNIFIED = "unified-budget", _("Unified budget")
    EXTRA_BUDGETARY = "extra-budgetary", _("Extra-budgetary")


class ProjectQuerySet(ListedContentQuerySet):
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


class Project(ImageContent, ListedContent):
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
