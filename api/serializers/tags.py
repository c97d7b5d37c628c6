"""The taxonomy as other objects mention it: a slug (what the filters take), a name in the
requested language (modeltranslation's column for the active language, English where an
editor has not translated it), the page on the site."""

from rest_framework import serializers

from api.links import absolute


class TagSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, record) -> str:
        return absolute(record.get_absolute_url())


class CountryTagSerializer(TagSerializer):
    iso_code = serializers.CharField(allow_null=True)


class StructureTagSerializer(TagSerializer):
    acronym = serializers.CharField()


class SeriesTagSerializer(TagSerializer):
    pass
