"""The envelope of a list: its page of results with the paging links, the normalised query it
answered, what it ignored, and its facets with counts (the HTML listing's filter panel)."""

from rest_framework import serializers

from api.serializers.meetings import MeetingSerializer
from api.serializers.news import NewsItemSerializer


class OptionSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="The slug to filter by.")
    label = serializers.CharField()
    count = serializers.IntegerField(
        help_text="Results with this option under the other facets' filters."
    )
    selected = serializers.BooleanField()
    depth = serializers.IntegerField(help_text="Depth in the structure tree (0 elsewhere).")


class FacetSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The query parameter.")
    label = serializers.CharField()
    options = OptionSerializer(many=True)


class ListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    pages = serializers.IntegerField()
    page = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    query = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="The filters applied, normalised: known values only, in a fixed order.",
    )
    ignored = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Parameters and values that were dropped: unknown slugs, malformed dates, "
        "unknown parameters.",
    )
    notices = serializers.ListField(
        child=serializers.CharField(), help_text="The same, in words, as the HTML page says."
    )
    facets = FacetSerializer(many=True)


class NewsListSerializer(ListSerializer):
    sort = serializers.CharField()
    results = NewsItemSerializer(many=True)


class MeetingListSerializer(ListSerializer):
    upcoming = MeetingSerializer(
        many=True, help_text="Meetings not yet over, soonest first (as above the HTML list)."
    )
    results = MeetingSerializer(many=True, help_text="Past meetings, newest first.")
