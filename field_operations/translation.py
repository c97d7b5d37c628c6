"""Translated fields of profiles and offices (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from field_operations.models import FieldOperationProfile, Office


@register(FieldOperationProfile)
class ProfileTranslation(TranslationOptions):
    fields = ("mandate", "head_title")


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("city",)
