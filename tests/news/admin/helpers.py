"""Raw admin POST data, as a browser would send it, so tests exercise the real form path."""

import datetime

from django.utils import timezone

from core.publishing import Status
from news.admin.publishing_choice import Choice

# The news item's translated fields: the admin form has one per language (title_en, ...).
TRANSLATED = ("title", "teaser", "body", "image_alt", "image_caption")


def in_english(data):
    """Form data with the translated fields under their English names, published in English."""
    english = {f"{key}_en" if key in TRANSLATED else key: value for key, value in data.items()}
    english.setdefault("in_language_en", "on")
    return english


def management_form(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "1",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# What a publisher who publishes without review gives (news.admin.publish_reason), in the
# form's field and in the "Publish" action's question.
REASON = {"publish_reason": "Published in a test", "publish_reason_asked": "1"}


def news_item_post(issuers, status=None, **fields):
    """The add form's data: every field, plus the "Issued by" inline's management form."""
    data = {
        "title": "Training for border police",
        "slug": "training-for-border-police",
        "type": "news",
        "teaser": "A short teaser.",
        "body": "<p>Body.</p>",
        "issued_on": "2025-03-04",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "source_url": "",
        **management_form("issuers", len(issuers)),
    }
    for index, structure in enumerate(issuers):
        data[f"issuers-{index}-structure"] = str(structure.pk)
        data[f"issuers-{index}-position"] = str(index)
    if status is not None:
        data.update(publishing_fields(status, date="2025-03-04"))
    data.update(fields)
    return in_english(data)


def publishing_fields(status=Status.PUBLISHED, date="2020-01-01", time="09:00:00"):
    """What a publisher's choice sends for an item to be in `status` from `date` `time`
    (news.admin.publishing_choice): a draft, "Publish now" for a moment past, "Schedule" for
    one to come."""
    moment = datetime.datetime.fromisoformat(f"{date}T{time}")
    if status == Status.DRAFT:
        choice = Choice.DRAFT
    elif timezone.make_aware(moment) > timezone.now():
        choice = Choice.SCHEDULE
    else:
        choice = Choice.PUBLISH
    return {
        "publishing": choice,
        "publish_at_0": date,
        "publish_at_1": time,
        "expire_at_0": "",
        "expire_at_1": "",
        **REASON,
    }
