"""`/api/v1/meetings/` and `/api/v1/meetings/<slug>/`.

The list is the HTML `/meetings/` page's (news.views.meetings) for the same query string, read
by the same `MeetingFilter`: the upcoming meetings (soonest first, as many as the page shows)
and a page of the past ones (newest first, the page's pages), with the series and their
counts (the page's series filter).
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext, ngettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api.filters import LANGUAGE, PAGE, meeting_ignored
from api.language import language_query
from api.pagination import page_fields, page_of, page_query
from api.serializers.listings import MeetingListSerializer
from api.serializers.meetings import MeetingDetailSerializer
from api.views.base import ApiView, old_slug_redirect
from news.meeting_filter import MeetingFilter
from news.models import Meeting
from news.views.meetings import PAGE_SIZE, UPCOMING_LIMIT

SERIES = OpenApiParameter(
    "type",
    OpenApiTypes.STR,
    many=True,
    description="Meeting series slugs (see /api/v1/meeting-series/); repeat for more than one "
    "(OR). Unknown slugs are dropped and listed under `ignored`.",
)


def with_relations(meetings):
    return meetings.select_related("organiser").prefetch_related("fields_of_work")


def series_facet(meeting_filter):
    return {
        "name": "type",
        "label": gettext("Series"),
        "options": [
            {
                "value": series.slug,
                "label": series.name,
                "count": series.meeting_count,
                "selected": series.is_selected,
                "depth": 0,
            }
            for series in meeting_filter.series
        ],
    }


def notices(meeting_filter):
    unknown = meeting_filter.unknown
    if not unknown:
        return []
    return [
        ngettext(
            "There is no meeting series “%(names)s”: it was left out.",
            "There are no meeting series “%(names)s”: they were left out.",
            len(unknown),
        )
        % {"names": ", ".join(unknown)}
    ]


class MeetingListView(ApiView):
    @extend_schema(
        operation_id="meetings_list",
        summary="Meetings, filtered as the /meetings/ page",
        parameters=[SERIES, PAGE, LANGUAGE],
        responses=MeetingListSerializer,
    )
    def get(self, request):
        meeting_filter = MeetingFilter(request.GET)
        page = page_of(Paginator(with_relations(meeting_filter.past()), PAGE_SIZE), request)
        links_query = meeting_filter.query
        links_query.update(language_query(request))
        data = {
            **page_fields(request, page, links_query),
            "query": {key: values for key, values in meeting_filter.query.lists() if values},
            "ignored": meeting_ignored(meeting_filter, request),
            "notices": notices(meeting_filter),
            "facets": [series_facet(meeting_filter)],
            "upcoming": list(with_relations(meeting_filter.upcoming())[:UPCOMING_LIMIT]),
            "results": list(page.object_list),
        }
        response = Response(MeetingListSerializer(data).data)
        response.canonical_query = page_query(links_query, page.number)
        return response


class MeetingDetailView(ApiView):
    @extend_schema(
        operation_id="meetings_detail",
        summary="One meeting",
        parameters=[LANGUAGE],
        responses=MeetingDetailSerializer,
    )
    def get(self, request, slug):
        meeting = (
            Meeting.objects.published()
            .select_related("meeting_type", "host_country", "organiser")
            .prefetch_related("fields_of_work")
            .filter(slug=slug)
            .first()
        )
        if meeting is None:
            return old_slug_redirect(request, Meeting, slug, "api:meeting_detail")
        return Response(MeetingDetailSerializer(meeting).data)
