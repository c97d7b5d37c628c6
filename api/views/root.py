"""`/api/v1/`: where everything is, so a program needs one URL to start from."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from api.filters import LANGUAGE
from api.links import api_url
from api.views.base import ApiView

ENDPOINTS = {
    "news": "news_list",
    "meetings": "meeting_list",
    "projects": "project_list",
    "documents": "document_list",
    "fields_of_work": "field_of_work_list",
    "countries": "country_list",
    "structures": "structure_tree",
    "meeting_series": "meeting_series_list",
    "schema": "schema",
    "docs": "docs",
}


class EndpointsSerializer(serializers.Serializer):
    """The root's answer, for the schema: one URL per key of `ENDPOINTS`."""

    news = serializers.URLField()
    meetings = serializers.URLField()
    projects = serializers.URLField()
    documents = serializers.URLField()
    fields_of_work = serializers.URLField()
    countries = serializers.URLField()
    structures = serializers.URLField()
    meeting_series = serializers.URLField()
    schema = serializers.URLField()
    docs = serializers.URLField()


class ApiRootView(ApiView):
    @extend_schema(
        operation_id="root",
        summary="The endpoints",
        parameters=[LANGUAGE],
        responses=EndpointsSerializer,
    )
    def get(self, request):
        return Response(
            EndpointsSerializer({key: api_url(name) for key, name in ENDPOINTS.items()}).data
        )


class UnknownEndpointView(ApiView):
    """Any other path under /api/: a JSON 404 a program can read (with the CORS header),
    rather than the site's HTML page."""

    @extend_schema(exclude=True)
    def get(self, request, rest=""):
        raise NotFound()
