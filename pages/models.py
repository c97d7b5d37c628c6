from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import languages
from core.publishing import Publishable, PublishableQuerySet, Status, publishing_constraints
from core.richtext import PlainTextField, RichTextField
from pages import paths


class MenuPlacement(models.TextChoices):
    """The main-menu section a page is listed in (website/templatetags/navigation.py)."""

    NONE = "", _("Not in the main menu")
    OUR_WORK = "our-work", _("Our work")
    MEETINGS = "meetings", _("Meetings and conferences")
    ABOUT = "about", _("About us")
    NEWSROOM = "newsroom", _("Newsroom")


class FooterPlacement(models.TextChoices):
    """The footer column a page is listed in (templates/includes/site_footer.html)."""

    NONE = "", _("Not in the footer")
    ABOUT = "about", _("About us")
    NEWSROOM = "newsroom", _("Newsroom")
    LEGAL = "legal", _("Legal and accessibility line")


def _published_at(prefix, now):
    """`published()`'s condition on the row at the end of `prefix` (``parent__``, ...)."""
    return models.Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}publish_at__lte": now}) & (
        models.Q(**{f"{prefix}expire_at__isnull": True})
        | models.Q(**{f"{prefix}expire_at__gt": now})
    )


class PageQuerySet(PublishableQuerySet):
    def public(self, now=None):
        """Published pages whose every parent is published too: a page's address goes through
        its parents, so one under a draft is not shown, linked, listed or found."""
        now = now or timezone.now()
        condition = models.Q()
        prefix = ""
        for _level in range(paths.MAX_DEPTH - 1):
            prefix += "parent__"
            condition &= models.Q(**{f"{prefix[:-2]}__isnull": True}) | _published_at(prefix, now)
        return self.published(now).filter(condition)

    def with_ancestors(self):
        """The parents a page's URL is made of, in the same query (pages are at most
        `paths.MAX_DEPTH` deep)."""
        return self.select_related("parent__parent")


class Page(Publishable):
    """A simple page editors keep: about us, contacts, privacy, terms, ... Its URL is its
    ancestors' slugs and its own (`/about/contacts/`, see `pages.paths`). Like a meeting, a
    page exists in the languages its title is written in; in others its English text is shown
    under a notice."""

    full_text_fields = (("title", "A"), ("summary", "B"), ("body_text", "C"))

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        # What the page pattern matches (pages/urls.py): lowercase, so one page has one URL.
        validators=[paths.slug_validator],
        help_text=_("The last part of the page's address: /about/<slug>/."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences: shown under the title and to search engines."),
    )
    body = RichTextField(_("body"), blank=True)
    body_text = PlainTextField(source="body")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent page"),
        help_text=_("The page's address starts with its parent's: /about/contacts/."),
    )
    menu = models.CharField(
        _("main menu"),
        max_length=16,
        choices=MenuPlacement.choices,
        blank=True,
        default=MenuPlacement.NONE,
        help_text=_("The main-menu section that links to the page while it is published."),
    )
    footer = models.CharField(
        _("footer"),
        max_length=16,
        choices=FooterPlacement.choices,
        blank=True,
        default=FooterPlacement.NONE,
        help_text=_("The footer column that links to the page while it is published."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in menus and lists.")
    )

    objects = PageQuerySet.as_manager()

    # Its old addresses redirect to it: whole paths, recorded by pages.old_paths, since moving
    # a page under another parent changes its address as renaming it does.
    redirect_old_paths = True

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", _("Can publish, unpublish and schedule pages"))]
        constraints = [
            *publishing_constraints("page"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="page_not_own_parent"
            ),
            models.CheckConstraint(
                condition=models.Q(menu__in=MenuPlacement.values), name="page_menu_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(footer__in=FooterPlacement.values), name="page_footer_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "publish_at"], name="page_publishing")]

    def __str__(self):
        return self.title or languages.title_with_language(self)

    def ancestors(self):
        """The page's parents, the top one first."""
        chain, seen, page = [], {self.pk}, self.parent
        while page is not None and page.pk not in seen:
            chain.insert(0, page)
            seen.add(page.pk)
            page = page.parent
        return chain

    @property
    def url_path(self):
        return "/".join([*(page.slug for page in self.ancestors()), self.slug])

    def get_absolute_url(self):
        return reverse(paths.PAGE_VIEW_NAME, kwargs={"path": self.url_path})

    def clean(self):
        super().clean()
        errors = {}
        if self.parent_id is None and self.slug:
            reason = paths.reserved_reason(self.slug)
            if reason:
                errors["slug"] = _(
                    "“/%(slug)s/” is already an address of the site: choose another slug, "
                    "or give the page a parent."
                ) % {"slug": self.slug}
        if self.parent_id is not None:
            depth, seen, page = 1, {self.pk}, self.parent
            while page is not None:
                if page.pk in seen:
                    errors["parent"] = _("A page cannot be inside itself.")
                    break
                seen.add(page.pk)
                depth += 1
                page = page.parent
            else:
                if depth > paths.MAX_DEPTH:
                    errors["parent"] = _(
                        "Pages are at most %(depth)d levels deep: choose a parent higher up."
                    ) % {"depth": paths.MAX_DEPTH}
        if errors:
            raise ValidationError(errors)
