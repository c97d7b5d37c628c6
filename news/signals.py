"""Keeps the cached main menu in step with the taxonomy it is built from."""

from django.db.models.signals import post_delete, post_save

from countries.models import Chairpersonship, Country
from structures.models import Structure

from .models import FieldOfWork, MeetingType
from .templatetags.navigation import bump_navigation_version

MENU_MODELS = (Country, Chairpersonship, Structure, FieldOfWork, MeetingType)


def invalidate_navigation(sender, **kwargs):
    bump_navigation_version()


def connect():
    for model in MENU_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_navigation,
                sender=model,
                dispatch_uid=f"navigation-{model._meta.label_lower}-{signal is post_save}",
            )
