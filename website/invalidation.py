"""Keeps what is derived from content in step with it: the cached main menu follows the
taxonomy; the content version (core.content_state) follows everything visitors can see."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from core.content_state import bump_content_version
from countries.models import Chairpersonship, Country, CountryAlias
from news.models import (
    FieldOfWork,
    Meeting,
    MeetingDocument,
    MeetingType,
    NewsItem,
    NewsItemIssuer,
)
from structures.models import Structure, StructureAlias
from website.templatetags.navigation import bump_navigation_version

MENU_MODELS = (Country, Chairpersonship, Structure, FieldOfWork, MeetingType)
CONTENT_MODELS = (
    *MENU_MODELS,
    CountryAlias,
    StructureAlias,
    NewsItem,
    NewsItemIssuer,
    Meeting,
    MeetingDocument,
)
M2M_FIELDS = (
    NewsItem.fields_of_work.through,
    NewsItem.countries.through,
    Meeting.fields_of_work.through,
)


def invalidate_navigation(sender, **kwargs):
    bump_navigation_version()


def invalidate_content(sender, **kwargs):
    bump_content_version()


def connect():
    for model in MENU_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_navigation,
                sender=model,
                dispatch_uid=f"navigation-{model._meta.label_lower}-{signal is post_save}",
            )
    for model in CONTENT_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_content,
                sender=model,
                dispatch_uid=f"content-{model._meta.label_lower}-{signal is post_save}",
            )
    for through in M2M_FIELDS:
        m2m_changed.connect(
            invalidate_content, sender=through, dispatch_uid=f"content-m2m-{through._meta.label}"
        )
