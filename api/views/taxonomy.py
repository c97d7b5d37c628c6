"""`/api/v1/fields-of-work/`, `/countries/`, `/structures/` and `/meeting-series/`: the
taxonomy whose slugs the list filters take. Each is small (tens to hundreds of records) and
returned whole, in a fixed number of queries."""

from django.http import QueryDict
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api.filters import LANGUAGE
from api.serializers.taxonomy import (
    CountrySerializer,
    FieldOfWorkSerializer,
    MeetingSeriesSerializer,
    StructureSerializer,
)
from api.views.base import ApiView
from core.collation import collated
from countries.models import Country
from news.meeting_filter import MeetingFilter
from news.models import FieldOfWork
from structures.models import Structure


class FieldOfWorkListView(ApiView):
    @extend_schema(
        operation_id="fields_of_work_list",
        summary="Fields of work",
        parameters=[LANGUAGE],
        responses=FieldOfWorkSerializer(many=True),
    )
    def get(self, request):
        return Response(FieldOfWorkSerializer(FieldOfWork.objects.all(), many=True).data)


class CountryListView(ApiView):
    @extend_schema(
        operation_id="countries_list",
        summary="Countries, with their status, in the language's alphabetical order",
        parameters=[LANGUAGE],
        responses=CountrySerializer(many=True),
    )
    def get(self, request):
        countries = collated(
            Country.objects.prefetch_related("aliases", "chairpersonships"),
            name=lambda country: country.name,
        )
        return Response(CountrySerializer(countries, many=True).data)


class StructureTreeView(ApiView):
    @extend_schema(
        operation_id="structures_tree",
        summary="Structures as a tree (the roots, each with its units as `children`)",
        parameters=[LANGUAGE],
        responses=StructureSerializer(many=True),
    )
    def get(self, request):
        tree = Structure.objects.select_related("host_country").prefetch_related("aliases").tree()
        roots = tree.roots
        context = {"tree": tree, "seen": {root.pk for root in roots}}
        return Response(StructureSerializer(roots, many=True, context=context).data)


class MeetingSeriesListView(ApiView):
    @extend_schema(
        operation_id="meeting_series_list",
        summary="Meeting series",
        parameters=[LANGUAGE],
        responses=MeetingSeriesSerializer(many=True),
    )
    def get(self, request):
        # The series with the counts the meetings' series filter shows.
        series = MeetingFilter(QueryDict()).series
        return Response(MeetingSeriesSerializer(series, many=True).data)
