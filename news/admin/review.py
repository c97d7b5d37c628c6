"""The review steps (editorial.ReviewRequest): submit, approve, request changes, and the record
each leaves — a line in the item's admin history (LogEntry), one in the `osce.audit` log, and
an e-mail to the author when a publisher answers."""

import logging
import smtplib

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from editorial.models import ReviewRequest, ReviewState
from news.admin.revisions.audit import audit

logger = logging.getLogger(__name__)

# Stored untranslated, as Django's own change messages are.
HISTORY_MESSAGES = {
    "save_draft": "Saved a draft of changes (the live version is unchanged).",
    "publish_draft": "Published the draft of changes.",
    "discard_draft": "Discarded the draft of changes.",
    "submit_review": "Submitted for review.",
    "request_changes": "Requested changes.",
    "approve": "Approved and published.",
    "publish_without_review": "Published without review. Reason:",
}


def review_of(obj):
    if obj is None or obj.pk is None:
        return None
    return ReviewRequest.objects.for_object(obj).select_related("submitted_by").first()


def record(request, obj, event, note=""):
    """The step in the item's history and in the audit log."""
    with translation.override(None):
        message = HISTORY_MESSAGES[event]
    if note:
        message = f"{message} “{note}”"
    LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )
    audit(request, event, obj, **({"note": note} if note else {}))


def submit(request, obj):
    note = request.POST.get("review_message", "").strip()
    ReviewRequest.objects.update_or_create(
        content_type_id=_content_type_id(obj),
        object_id=obj.pk,
        defaults={
            "state": ReviewState.AWAITING,
            "message": note,
            "comment": "",
            "submitted_by": request.user,
            "submitted_at": timezone.now(),
            "reviewed_by": None,
            "reviewed_at": None,
        },
    )
    record(request, obj, "submit_review", note)


def request_changes(request, obj, review):
    comment = request.POST.get("review_comment", "").strip()
    review.state = ReviewState.CHANGES_REQUESTED
    review.comment = comment
    review.reviewed_by = request.user
    review.reviewed_at = timezone.now()
    review.save()
    record(request, obj, "request_changes", comment)
    _tell_author(
        review,
        gettext("Changes requested: %(item)s") % {"item": obj},
        gettext("%(user)s asks for changes to “%(item)s”:\n\n%(comment)s")
        % {"user": _name(request.user), "item": obj, "comment": comment},
    )


def approve(request, obj, review):
    comment = request.POST.get("review_comment", "").strip()
    review.delete()
    record(request, obj, "approve", comment)
    _tell_author(
        review,
        gettext("Approved and published: %(item)s") % {"item": obj},
        gettext("%(user)s approved and published “%(item)s”.")
        % {"user": _name(request.user), "item": obj},
    )


def close(obj):
    """The draft under review is gone (published directly, or discarded)."""
    ReviewRequest.objects.for_object(obj).delete()


def _tell_author(review, subject, body):
    author = review.submitted_by
    if author is None or not author.email:
        return
    try:
        send_mail(subject, body, None, [author.email])
    except (OSError, smtplib.SMTPException):
        # The step is recorded and shown on the form and the dashboard; the e-mail is a
        # courtesy that a mail outage must not turn into an error page.
        logger.warning("review e-mail to %s not sent", author.get_username(), exc_info=True)


def _name(user):
    return user.get_full_name() or user.get_username()


def _content_type_id(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(obj)).pk
