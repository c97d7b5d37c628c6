"""Raw admin POST data, as a browser would send it, so tests exercise the real form path."""

from core.publishing import Status

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
        data.update(
            {
                "status": status,
                "publish_at_0": "2025-03-04",
                "publish_at_1": "09:00:00",
                "expire_at_0": "",
                "expire_at_1": "",
                **REASON,
            }
        )
    data.update(fields)
    return in_english(data)


def publishing_fields(status=Status.PUBLISHED, date="2020-01-01", time="09:00:00"):
    return {
        "status": status,
        "publish_at_0": date,
        "publish_at_1": time,
        "expire_at_0": "",
        "expire_at_1": "",
        **REASON,
    }
