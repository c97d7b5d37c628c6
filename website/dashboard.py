"""The admin's front page for the newsroom: what awaits review, your drafts (with the changes
a reviewer asked for), what goes live next, what went live last, and what is not yet in every
language.

Every content type built on `Publishable` takes part (found through the app registry, like
the content state), each only for those who may view it. Each list is one query on the
publishing index (`status, publish_at`), so the page stays fast at 100,000 items; the
translation counts are one aggregate over this year's items.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core import languages
from core.content_state import publishable_models
from core.publishing import Status
from editorial.models import ReviewRequest, ReviewState
from news.models import NewsItem

ROWS = 8


@dataclass
class Row:
    title: str
    kind: str
    url: str
    when: object


@dataclass
class ReviewRow:
    title: str
    kind: str
    url: str
    when: object
    who: str
    note: str


@dataclass
class MissingLanguage:
    code: str
    name: str
    count: int
    url: str


def _viewable(user):
    return [
        model
        for model in publishable_models()
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]


def _change_url(obj):
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def _rows(querysets, when, newest_first):
    """The first `ROWS` of several models' querysets, merged in `when` order."""
    objects = [obj for queryset in querysets for obj in queryset[:ROWS]]
    objects.sort(key=lambda obj: getattr(obj, when), reverse=newest_first)
    return [
        Row(str(obj), obj._meta.verbose_name, _change_url(obj), getattr(obj, when))
        for obj in objects[:ROWS]
    ]


def _missing_languages(user, now):
    """Per language, this year's live news items not yet published in it, linking to them."""
    if not user.has_perm("news.view_newsitem"):
        return []
    codes = languages.codes()
    counts = (
        NewsItem.objects.published(now)
        .filter(issued_on__year=now.year)
        .aggregate(
            **{code: Count("pk", filter=Q(**{f"in_language_{code}": False})) for code in codes}
        )
    )
    changelist = reverse("admin:news_newsitem_changelist")
    return [
        MissingLanguage(
            code,
            languages.name_translated(code),
            counts[code],
            f"{changelist}?state=live&missing={code}&issued_on__year={now.year}",
        )
        for code in codes
    ]


def _reviews(user, models, state):
    """Open review requests in `state`: for publishers, those of the types they publish; for
    anyone else, their own (where a reviewer's comment waits for them)."""
    reviews = ReviewRequest.objects.filter(state=state).select_related(
        "content_type", "submitted_by"
    )
    if state == ReviewState.AWAITING:
        published = [
            model
            for model in models
            if user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")
        ]
        if not published:
            return []
        reviews = reviews.filter(content_type__in=[_content_type(model) for model in published])
    else:
        reviews = reviews.filter(submitted_by=user)
    reviews = list(reviews.order_by("submitted_at")[:ROWS])
    items = {}
    for review in reviews:
        items.setdefault(review.content_type, set()).add(review.object_id)
    found = {
        (content_type.pk, obj.pk): obj
        for content_type, pks in items.items()
        for obj in content_type.model_class()._default_manager.filter(pk__in=pks)
    }
    rows = []
    for review in reviews:
        obj = found.get((review.content_type_id, review.object_id))
        if obj is None:
            continue
        who = review.submitted_by.get_username() if review.submitted_by else "—"
        note = review.message if state == ReviewState.AWAITING else review.comment
        rows.append(
            ReviewRow(
                str(obj), obj._meta.verbose_name, _change_url(obj), review.submitted_at, who, note
            )
        )
    return rows


def _content_type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model)


def dashboard(user, now=None):
    now = now or timezone.now()
    models = _viewable(user)
    mine = [
        model.objects.filter(status=Status.DRAFT, author=user).order_by("-updated_at")
        for model in models
        if any(field.name == "author" for field in model._meta.fields)
    ]
    return {
        "awaiting_review": _reviews(user, models, ReviewState.AWAITING),
        "changes_requested": _reviews(user, models, ReviewState.CHANGES_REQUESTED),
        "scheduled": _rows(
            [model.objects.scheduled(now).order_by("publish_at") for model in models],
            "publish_at",
            newest_first=False,
        ),
        "my_drafts": _rows(mine, "updated_at", newest_first=True),
        "recently_published": _rows(
            [model.objects.published(now).order_by("-publish_at") for model in models],
            "publish_at",
            newest_first=True,
        ),
        "missing_languages": _missing_languages(user, now),
    }
