"""The library image's alt text in every language, as an item's (news.translation); no
fallback: an item shown in Russian takes the Russian alt text or its own."""

from modeltranslation.translator import TranslationOptions, register

from media_library.models import Image


@register(Image)
class ImageTranslation(TranslationOptions):
    fallback_languages = {"default": ()}
    fields = ("alt",)
