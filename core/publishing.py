"""The one definition of "visible to the public", shared by news items and meetings."""

from django.db import models, router, transaction
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import page_dependencies
from core.abstract_models import CleanTextModel
from core.content_changes import item_key, read_versions


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Every public path (lists, details, feeds, sitemaps, search, counts) goes through here."""
        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now).filter(
            models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now)
        )

    def scheduled(self, now=None):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=now or timezone.now())

    def shown(self, limit=None):
        """The rows (at most `limit`), as a list, for a page that shows them. While a page is
        rendered for the page cache, their ids are read first, then their versions, then the
        rows by id: the stored page depends on those items' versions and the listing state
        (membership and order: the ids come from publishing and listing fields only), not on
        every change anywhere (core.page_dependencies). One query more, and only then."""
        if page_dependencies.recording() is None:
            return list(self if limit is None else self[:limit])
        ids = self.values_list("pk", flat=True)
        ids = list(ids if limit is None else ids[:limit])
        read_versions(self.model, ids)
        rows = self._chain()
        rows.query.clear_limits()
        rows = rows.filter(pk__in=ids).in_bulk() if ids else {}
        return [rows[pk] for pk in ids if pk in rows]

    def _fetch_all(self):
        # A `values()` read while a page is rendered for the page cache: what the page shows
        # of the rows must be accounted for (core.page_dependencies).
        if self._result_cache is None and self._iterable_class is not ModelIterable:
            page_dependencies.note_values(self.model, self._fields, self.query.annotation_select)
        super()._fetch_all()


class Publishable(CleanTextModel):
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        help_text=_("A published item goes live at this moment; a future time schedules it."),
    )
    expire_at = models.DateTimeField(
        _("expire at"),
        null=True,
        blank=True,
        help_text=_("Optional: the item leaves the public site at this moment."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    # What decides whether visitors see the item at all (see `published()`).
    publishing_fields = ("status", "publish_at", "expire_at")
    # Besides those, the fields that decide where the public listings show it and under which
    # facet values (its order, its type, its languages): a change of one moves the listings'
    # state (core.content_changes), a change of any other field only the item's own.
    listing_fields = ()
    # Moments besides `publish_at` and `expire_at` at which what visitors see of a published
    # item changes by itself (NewsItem.featured_until: it stops leading the home page). They
    # are scheduled changes like those two (core.content_state.next_scheduled_change): the
    # content state moves when one passes, so pages keyed by it change on time.
    moment_fields = ()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # A row shown on a page being rendered for the page cache (core.page_dependencies).
        if page_dependencies.recording() is not None:
            page_dependencies.note_loaded(cls._meta.label_lower, item_key(cls, instance.pk))
        return instance

    def save(self, *args, **kwargs):
        """One transaction for the save and for the signals that compare the row before and
        after it (website.invalidation): the row is locked from the first read, so no other
        save can slip between the two and leave a visible change unreported."""
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using, savepoint=False):
            super().save(*args, **kwargs)

    @classmethod
    def next_moments(cls, queryset, now):
        """The moments after `now` at which a row of `queryset` changes by itself for
        visitors, at most one per kind, in one query (core.content_state caps every cache by
        the earliest): going live and expiring, and whatever a content type whose rows change
        with the date adds (`moment_aggregates`, `as_moment`: a project's status)."""
        result = queryset.filter(status=Status.PUBLISHED).aggregate(**cls.moment_aggregates(now))
        return [cls.as_moment(key, value) for key, value in result.items() if value is not None]

    @classmethod
    def moment_aggregates(cls, now):
        return {
            "publish": models.Min("publish_at", filter=models.Q(publish_at__gt=now)),
            "expire": models.Min("expire_at", filter=models.Q(expire_at__gt=now)),
            **{
                f"moment_{name}": models.Min(name, filter=models.Q(**{f"{name}__gt": now}))
                for name in cls.moment_fields
            },
        }

    @classmethod
    def as_moment(cls, key, value):
        """The moment an aggregate of `moment_aggregates` stands for."""
        return value

    @classmethod
    def due(cls, since, until):
        """The condition on published rows whose scheduled moment passed after `since` and at
        or before `until` (see `next_moments`)."""
        return models.Q(publish_at__gt=since, publish_at__lte=until) | models.Q(
            expire_at__gt=since, expire_at__lte=until
        )

    @staticmethod
    def visible(values, now):
        """Whether a row with these `publishing_fields` values is public at `now`."""
        return (
            values["status"] == Status.PUBLISHED
            and values["publish_at"] <= now
            and (values["expire_at"] is None or values["expire_at"] > now)
        )

    @property
    def is_published(self):
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.publish_at <= now
            and (self.expire_at is None or self.expire_at > now)
        )

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def public_state(self):
        """A label for editors: what a visitor sees of this item right now."""
        if self.status == Status.DRAFT:
            return _("Draft")
        if self.is_scheduled:
            return _("Scheduled")
        if self.expire_at is not None and self.expire_at <= timezone.now():
            return _("Expired")
        return _("Live")


def publishing_constraints(prefix):
    return [
        models.CheckConstraint(
            condition=models.Q(status__in=Status.values), name=f"{prefix}_status_valid"
        ),
        models.CheckConstraint(
            condition=models.Q(expire_at__isnull=True)
            | models.Q(expire_at__gt=models.F("publish_at")),
            name=f"{prefix}_expires_after_publishing",
        ),
    ]
