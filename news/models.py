from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import languages
from core.abstract_models import OrderedLink, TaxonomyRecord
from core.listed_content import ListedContent, ListedContentQuerySet
from core.publishing import Publishable, publishing_constraints
from core.richtext import PlainTextField, RichTextField
from countries.models import Country
from news.image_fields import ImageContent, ImageFileField
from structures.models import Structure


class FieldOfWork(TaxonomyRecord):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    # An old slug visitors could reach answers 301 to the current one (redirects/).
    redirect_old_slugs = True
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:field_of_work", kwargs={"slug": self.slug})


class MeetingType(TaxonomyRecord):
    """A meeting series, e.g. "Ministerial Council meetings"."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:meeting_list") + f"?type={self.slug}"


class NewsType(models.TextChoices):
    NEWS = "news", _("News")
    PRESS_RELEASE = "press-release", _("Press release")
    PRESS_STATEMENT = "press-statement", _("Press statement")
    SPOT_REPORT = "spot-report", _("Spot report")
    DAILY_REPORT = "daily-report", _("Daily report")


class NewsItemQuerySet(ListedContentQuerySet):
    def with_listing_relations(self):
        """What a card or a listing row shows, fetched in a fixed number of queries."""
        return self.prefetch_related(
            NewsItemIssuer.prefetch("issuers"),
            "fields_of_work",
            "countries",
        )


class NewsItem(ImageContent, ListedContent):
    # Full-text index (search.schema): column and weight, title ranking highest.
    full_text_fields = (("title", "A"), ("teaser", "B"), ("body_text", "C"))

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    # An old slug visitors could reach answers 301 to the current one (redirects/).
    redirect_old_slugs = True
    type = models.CharField(
        _("type"), max_length=32, choices=NewsType.choices, default=NewsType.NEWS, db_index=True
    )
    teaser = models.TextField(
        _("teaser"), max_length=1000, blank=True, help_text=_("One or two sentences for listings.")
    )
    body = RichTextField(_("body"), blank=True)
    body_text = PlainTextField(source="body")
    issued_on = models.DateField(_("issued on"), db_index=True)
    issued_by = models.ManyToManyField(
        Structure,
        through="NewsItemIssuer",
        related_name="news_items",
        verbose_name=_("issued by"),
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, blank=True, related_name="news_items", verbose_name=_("fields of work")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="news_items", verbose_name=_("countries")
    )
    image = ImageFileField(
        _("image"),
        upload_to="news/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    # The home page's lead story while this moment is ahead (website.views.home). A scheduled
    # moment like `publish_at` (`moment_fields`): the content state moves when it passes.
    featured_until = models.DateTimeField(
        _("featured until"),
        null=True,
        blank=True,
        help_text=_(
            "Optional: the item leads the home page until this moment (the newest featured "
            "item leads when there are several)."
        ),
    )

    objects = NewsItemQuerySet.as_manager()

    # The listing's order and facets (news.listing): a change of one of these of a visible item
    # moves the listings; tags and issuers are listing values too (website.invalidation). And
    # `featured_until`: which item leads the home page (a stored home page depends on the
    # listing state for it, core.page_dependencies, since it never reads an item not featured).
    listing_fields = (
        "issued_on",
        "type",
        "featured_until",
        *(f"in_language_{code}" for code in languages.codes()),
    )
    moment_fields = ("featured_until",)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        permissions = [("publish_newsitem", _("Can publish, unpublish and schedule news items"))]
        constraints = [
            *publishing_constraints("newsitem"),
            models.UniqueConstraint(
                fields=["source_url"],
                condition=~models.Q(source_url=""),
                name="newsitem_unique_source_url",
            ),
            models.CheckConstraint(
                condition=languages.image_alt_required(), name="newsitem_image_has_alt_text"
            ),
        ]
        indexes = [
            models.Index(fields=["-issued_on", "-id"], name="newsitem_listing_order"),
            # The public listing's order among published rows: page 1 reads 20 index entries
            # instead of sorting every public item.
            models.Index(fields=["status", "-issued_on", "-id"], name="newsitem_public_order"),
            # Covers published() and what a listing reads before it loads a page's rows (the
            # order, the type facet), so public ids are found, sorted and counted without
            # reading the table: fast even where the planner has no statistics (SQLite).
            models.Index(
                fields=["status", "publish_at", "expire_at", "issued_on", "type"],
                name="newsitem_publishing",
            ),
            models.Index(fields=["source_url"], name="newsitem_source_url"),
            # The home page's featured items: the few rows whose moment is ahead.
            models.Index(fields=["featured_until"], name="newsitem_featured_until"),
            # The items in each language but English (a minority each), in the listing's
            # order: the admin's "published in" filter counts and pages them from the index
            # instead of reading the whole table.
            *(
                models.Index(
                    fields=["-issued_on", "-id"],
                    condition=models.Q(**{f"in_language_{code}": True}),
                    name=f"newsitem_in_{code}",
                )
                for code in ("fr", "de", "it", "ru", "es")
            ),
        ]

    def __str__(self):
        return self.title or languages.title_with_language(self)

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = languages.missing_translations(self)
        if errors:
            raise ValidationError(errors)

    @property
    def ordered_issuers(self):
        """Issuing structures in the editor's order; uses the prefetch when there is one."""
        return NewsItemIssuer.linked_in_order(self.issuers.all())

    @property
    def lead_issuer(self):
        issuers = self.ordered_issuers
        return issuers[0] if issuers else None


class NewsItemIssuer(OrderedLink):
    """One issuing structure of a news item; `position` keeps the editor's order (0 = lead)."""

    news_item = models.ForeignKey(NewsItem, on_delete=models.CASCADE, related_name="issuers")
    structure = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        related_name="issued_links",
        verbose_name=_("structure"),
    )

    class Meta(OrderedLink.Meta):
        verbose_name = _("issuing structure")
        verbose_name_plural = _("issued by")
        constraints = [
            models.UniqueConstraint(
                fields=["news_item", "structure"], name="newsitemissuer_unique_structure"
            ),
        ]
        indexes = [models.Index(fields=["structure", "news_item"], name="issuer_structure_item")]


class Meeting(Publishable):
    full_text_fields = (("title", "A"), ("place", "B"), ("description_text", "C"))

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    # An old slug visitors could reach answers 301 to the current one (redirects/).
    redirect_old_slugs = True
    meeting_type = models.ForeignKey(
        MeetingType, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("series")
    )
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), db_index=True)
    place = models.CharField(_("place"), max_length=150, blank=True)
    host_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("host country"),
    )
    organiser = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("organising structure"),
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, blank=True, related_name="meetings", verbose_name=_("fields of work")
    )
    description = RichTextField(_("description"), blank=True)
    description_text = PlainTextField(source="description")

    # Which lists show a visible meeting, and where: upcoming or past and in which order (its
    # dates), under which series. A change of one moves the listings' state
    # (core.content_changes): pages listing meetings depend on it for their membership
    # (core.page_dependencies), a change of any other field moves only the meeting's version.
    listing_fields = ("start_date", "end_date", "meeting_type")

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("meeting or conference")
        verbose_name_plural = _("meetings and conferences")
        permissions = [("publish_meeting", _("Can publish, unpublish and schedule meetings"))]
        constraints = [
            *publishing_constraints("meeting"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="meeting_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["status", "publish_at"], name="meeting_publishing")]

    def __str__(self):
        return self.title or languages.title_with_language(self)

    def get_absolute_url(self):
        return reverse("news:meeting_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The meeting cannot end before it starts.")})
