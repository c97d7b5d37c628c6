"""Which content fields are translated (django-modeltranslation adds title_fr, title_ru, ...).

`in_language` is translated too: its columns (in_language_en, in_language_ru, ...) record
the languages a news item is published in, next to the text, so a listing in one language
filters on a column of the same table (core.languages).
"""

from modeltranslation.translator import TranslationOptions, register

from news.models import FieldOfWork, Meeting, MeetingType, NewsItem


@register(FieldOfWork)
class FieldOfWorkTranslation(TranslationOptions):
    fields = ("name", "description")


@register(MeetingType)
class MeetingTypeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    # No fallback: an item shown in Russian shows its Russian text or nothing, never an
    # English teaser under a Russian title. Pages that show an item in a language it lacks
    # pick one of its own languages as a whole (core.languages.page_context).
    fallback_languages = {"default": ()}
    fields = (
        "title",
        "teaser",
        "body",
        "body_text",
        "image_alt",
        "image_caption",
        "in_language",
    )


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "place", "description", "description_text")
