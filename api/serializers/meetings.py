"""A meeting as the API shows it. Its text follows the site's fallback (English first) where the
requested language lacks it, as its page does; `languages` lists those it is written in."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.links import absolute, api_url
from api.serializers.tags import (
    CountryTagSerializer,
    SeriesTagSerializer,
    StructureTagSerializer,
    TagSerializer,
)
from core import languages
from documents.selectors import meeting_documents


class DocumentSerializer(serializers.Serializer):
    """A meeting's published document: its link where it is published elsewhere, else its
    page on this site."""

    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, document) -> str:
        return document.external_url or absolute(document.get_absolute_url())


class MeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()
    title = serializers.CharField()
    series = SeriesTagSerializer(source="meeting_type")
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    place = serializers.CharField()
    host_country = CountryTagSerializer(allow_null=True)
    organiser = StructureTagSerializer(allow_null=True)
    fields_of_work = TagSerializer(source="fields_of_work.all", many=True)
    updated_at = serializers.DateTimeField()

    def get_url(self, meeting) -> str:
        return absolute(meeting.get_absolute_url())

    def get_api_url(self, meeting) -> str:
        return api_url("meeting_detail", slug=meeting.slug)

    def get_languages(self, meeting) -> list[str]:
        return languages.title_languages(meeting)


class MeetingDetailSerializer(MeetingSerializer):
    description = serializers.CharField(help_text="Sanitised HTML.")
    documents = serializers.SerializerMethodField()

    @extend_schema_field(DocumentSerializer(many=True))
    def get_documents(self, meeting):
        return DocumentSerializer(meeting_documents(meeting), many=True).data
