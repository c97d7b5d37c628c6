"""Which page fields are translated (django-modeltranslation adds title_fr, body_ru, ...)."""

from modeltranslation.translator import TranslationOptions, register

from pages.models import Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "body_text")
