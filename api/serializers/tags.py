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
        # The same tags recur on most items of a page, and reversing a URL is most of a tag's
        # cost: each is reversed once per serialization (the context is the outermost
        # serializer's).
        urls = self.context.setdefault("tag_urls", {})
        key = (type(record), record.pk)
        if key not in urls:
            urls[key] = absolute(record.get_absolute_url())
        return urls[key]


class CountryTagSerializer(TagSerializer):
    iso_code = serializers.CharField(allow_null=True)


class StructureTagSerializer(TagSerializer):
    acronym = serializers.CharField()


class SeriesTagSerializer(TagSerializer):
    pass


# The tag lists content objects share (news items, projects, documents), the same everywhere.


def structures(source, **kwargs):
    """Structures in the editors' order, e.g. a news item's issuers (`ordered_issuers`)."""
    return StructureTagSerializer(source=source, many=True, **kwargs)


def fields_of_work():
    return TagSerializer(source="fields_of_work.all", many=True)


def countries(**kwargs):
    return CountryTagSerializer(source="countries.all", many=True, **kwargs)
