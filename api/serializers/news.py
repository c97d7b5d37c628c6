"""A news item as the API shows it: every field its page shows, in the requested language.

A listing in a language holds only the items published in it; an item asked for by its slug in
a language it lacks is shown whole in one it has (api.serializers.content).

Needs the item's issuers (in order), fields of work and countries prefetched
(`NewsItemQuerySet.with_listing_relations`).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.links import absolute
from api.serializers import tags
from api.serializers.content import ContentSerializer, text
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


class NewsItemSerializer(ContentSerializer):
    detail_route = "news_detail"

    teaser = serializers.SerializerMethodField()
    type = serializers.CharField()
    type_label = serializers.CharField(source="get_type_display")
    issued_on = serializers.DateField()
    updated_at = serializers.DateTimeField()
    issued_by = tags.structures("ordered_issuers")
    fields_of_work = tags.fields_of_work()
    countries = tags.countries()
    image = serializers.SerializerMethodField()

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
