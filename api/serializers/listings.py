"""The envelope of a list: its page of results with the paging links, the normalised query it
answered, what it ignored, and its facets with counts (the HTML listing's filter panel)."""

from rest_framework import serializers

from api.serializers.documents import PublicationSerializer
from api.serializers.meetings import MeetingSerializer
from api.serializers.news import NewsItemSerializer
from api.serializers.projects import ProjectSerializer


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


class FigureRowSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="The option's slug.")
    label = serializers.CharField()
    budget = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="In euros.")
    projects = serializers.IntegerField()


class FiguresSerializer(serializers.Serializer):
    """The listing's figures panel, for exactly the filtered projects."""

    projects = serializers.IntegerField()
    budget = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="Total budget in euros; null when no project states one.",
    )
    without_budget = serializers.IntegerField(help_text="Projects that state no budget.")
    by_donor = FigureRowSerializer(
        many=True,
        help_text="A project with several donors counts in full for each, so these rows may "
        "add up to more than the total.",
    )
    by_field_of_work = FigureRowSerializer(many=True, help_text="Counted as `by_donor`.")


class ProjectListSerializer(ListSerializer):
    sort = serializers.CharField()
    figures = FiguresSerializer()
    results = ProjectSerializer(many=True)


class PublicationListSerializer(ListSerializer):
    sort = serializers.CharField()
    results = PublicationSerializer(many=True)
