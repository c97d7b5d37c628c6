"""Translated fields of projects and donors (django-modeltranslation), as news items have
them: `in_language` records the languages a project is published in (core.languages)."""

from modeltranslation.translator import TranslationOptions, register

from projects.models import Donor, Project


@register(Donor)
class DonorTranslation(TranslationOptions):
    fields = ("name",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    # No fallback, as for news items: a project shown in Russian shows its Russian text.
    fallback_languages = {"default": ()}
    fields = (
        "title",
        "summary",
        "description",
        "description_text",
        "image_alt",
        "image_caption",
        "in_language",
    )
