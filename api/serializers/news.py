"""A news item as the API shows it: every field its page shows, in the requested language.

A listing in a language holds only the items published in it. An item asked for by its slug in
a language it lacks is shown whole in one it has (English first, `core.languages`), as its page
does, and says so in `language`: no object mixes the text of two languages.

Needs the item's issuers (in order), fields of work and countries prefetched
(`NewsItemQuerySet.with_listing_relations`).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.links import absolute, api_url
from api.serializers.tags import CountryTagSerializer, StructureTagSerializer, TagSerializer
from core import languages
from news.media_privacy import file_url
from news.renditions import MIME_TYPES


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    format = serializers.CharField()
    mime_type = serializers.CharField()


class ImageSerializer(serializers.Serializer):
    alt = serializers.CharField()
    caption = serializers.CharField()
    credit = serializers.CharField()
    renditions = serializers.DictField(
        child=RenditionSerializer(many=True),
        help_text="Resized copies per slot (`card`: 16:9 crops, `hero`: the whole picture), "
        "as WebP and JPEG; the original upload is never served.",
    )


def shown_language(item):
    """The language the item's text is given in (see the module's notes)."""
    if not hasattr(item, "_api_language"):
        item._api_language = languages.shown_language(
            languages.item_languages(item), languages.active()
        )
    return item._api_language


def text(item, field):
    return getattr(item, f"{field}_{shown_language(item)}", "") or ""


class NewsItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    language = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()
    teaser = serializers.SerializerMethodField()
    type = serializers.CharField()
    type_label = serializers.CharField(source="get_type_display")
    issued_on = serializers.DateField()
    updated_at = serializers.DateTimeField()
    issued_by = StructureTagSerializer(source="ordered_issuers", many=True)
    fields_of_work = TagSerializer(source="fields_of_work.all", many=True)
    countries = CountryTagSerializer(source="countries.all", many=True)
    image = serializers.SerializerMethodField()

    def get_url(self, item) -> str:
        return absolute(item.get_absolute_url())

    def get_api_url(self, item) -> str:
        return api_url("news_detail", slug=item.slug)

    def get_language(self, item) -> str:
        return shown_language(item)

    def get_languages(self, item) -> list[str]:
        return languages.item_languages(item)

    def get_title(self, item) -> str:
        return text(item, "title")

    def get_teaser(self, item) -> str:
        return text(item, "teaser")

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_image(self, item):
        slots = (item.image_renditions or {}).get("slots") or {}
        if not any(slots.values()):
            return None
        return {
            "alt": text(item, "image_alt"),
            "caption": text(item, "image_caption"),
            "credit": item.image_credit,
            "renditions": {
                slot: [
                    {
                        "url": absolute(file_url(item, entry["name"])),
                        "width": entry["width"],
                        "height": entry["height"],
                        "format": entry["format"],
                        "mime_type": MIME_TYPES.get(entry["format"], ""),
                    }
                    for entry in sorted(entries, key=lambda e: (e["format"], e["width"]))
                ]
                for slot, entries in slots.items()
            },
        }


class NewsItemDetailSerializer(NewsItemSerializer):
    body = serializers.SerializerMethodField(help_text="Sanitised HTML.")

    def get_body(self, item) -> str:
        return text(item, "body")
