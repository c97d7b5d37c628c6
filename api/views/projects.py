"""`/api/v1/projects/` and `/api/v1/projects/<slug>/`.

The list is the HTML `/projects/` listing's (projects.views) for the same query string,
through `api.views.listings.ListingApiView` with `ProjectFilter`, plus the listing's figures
panel (number of projects, total budget, budget by donor and by field of work) for exactly the
filtered projects. Queries: the facet options once per taxonomy state, one per facet for the
counts (the SQL engine), four for the figures, and a fixed number for the page's rows.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api.filters import LANGUAGE
from api.serializers.listings import FiguresSerializer, ProjectListSerializer
from api.serializers.projects import ProjectDetailSerializer, ProjectSerializer, with_related_news
from api.views.base import ApiView
from api.views.listings import ListingApiView
from core import languages
from projects.listing import ProjectFilter
from projects.models import Project


def in_order(queryset, ids):
    rows = queryset.in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def figure_rows(rows):
    return [
        {
            "value": row.value,
            "label": str(row.label),
            "budget": row.budget,
            "projects": row.projects,
        }
        for row in rows
    ]


class ProjectListView(ListingApiView):
    filter_class = ProjectFilter
    item_serializer = ProjectSerializer
    envelope_serializer = ProjectListSerializer
    operation_id = "projects_list"
    summary = "Projects, filtered as the /projects/ listing"

    def extra(self, filterset):
        figures = filterset.figures()
        data = {
            "projects": figures.projects,
            "budget": figures.budget,
            "without_budget": figures.without_budget,
            "by_donor": figure_rows(figures.by_donor),
            "by_field_of_work": figure_rows(figures.by_field),
        }
        return {"figures": dict(FiguresSerializer(data).data)}

    def load_rows(self, ids):
        projects = Project.objects.with_listing_relations().defer("description")
        return in_order(with_related_news(projects, languages.active()), ids)


class ProjectDetailView(ApiView):
    @extend_schema(
        operation_id="projects_detail",
        summary="One project",
        parameters=[LANGUAGE],
        responses=ProjectDetailSerializer,
    )
    def get(self, request, slug):
        projects = with_related_news(
            Project.objects.published().with_listing_relations(), languages.active()
        )
        return Response(ProjectDetailSerializer(get_object_or_404(projects, slug=slug)).data)
