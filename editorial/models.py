"""One working draft and one review request per item, at most; and each staff member's own
settings for the admin (`AdminPreference`)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ForObject(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        )

    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))


class ItemRecord(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()

    objects = ForObject.as_manager()

    class Meta:
        abstract = True

    @property
    def item(self):
        return self.content_type.get_object_for_this_type(pk=self.object_id)


class WorkingDraft(ItemRecord):
    """Changes to a published item that are not live yet, stored as the change form sent
    them: replayed through the same form on publish, so translations, tags and ordered rows
    come back exactly as they were typed. The publishing state is never part of it."""

    data = models.JSONField(_("form data"), default=dict)
    # {input name: storage name} of files uploaded for the draft, stored private
    # (core.private_media) until the draft is published: the item's own fields (`image`)
    # and its inline rows' (`files-1-file`, under drafts/: news.admin.draft_files).
    files = models.JSONField(_("uploaded files"), default=dict)
    # The live row's version token (news.admin.revisions.stale) when the draft was saved.
    based_on = models.CharField(max_length=40, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("working draft")
        verbose_name_plural = _("working drafts")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_working_draft_per_item"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id}"


class ReviewState(models.TextChoices):
    AWAITING = "awaiting", _("Awaiting review")
    CHANGES_REQUESTED = "changes", _("Changes requested")


class ReviewRequest(ItemRecord):
    """An open review of an item's draft (the row of a draft item, or a live item's working
    draft). Approving closes it (the row goes); each step is in the item's history."""

    state = models.CharField(max_length=16, choices=ReviewState.choices)
    message = models.TextField(_("note for the reviewer"), blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_review_per_item"
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=ReviewState.values), name="review_state_valid"
            ),
        ]
        indexes = [models.Index(fields=["state", "submitted_at"])]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id}: {self.state}"


class AdminPreference(models.Model):
    """A staff member's choices for the admin, kept with the account rather than the browser,
    so the admin is the same on every computer they sign in from (editorial.preferences)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="admin_preference",
    )
    # One of settings.LANGUAGES, checked where it is chosen (website.admin_language).
    language = models.CharField(_("admin language"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("admin preference")
        verbose_name_plural = _("admin preferences")

    def __str__(self):
        return f"{self.user}: {self.language or '-'}"
