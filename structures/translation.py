"""Which structure fields are translated (django-modeltranslation adds name_fr, name_ru, ...)."""

from modeltranslation.translator import TranslationOptions, register

from structures.models import Structure


@register(Structure)
class StructureTranslation(TranslationOptions):
    fields = ("name", "running_name", "description", "location")
