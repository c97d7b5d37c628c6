"""`/api/v1/news/` and `/api/v1/news/<slug>/`.

The list is the HTML listing's (news.views.listing) for the same query string: the same
`NewsFilter` reads it, the same engine (the facet index, or SQL while none is ready) finds the
ids, counts the facets and pages the results, so a listing URL, its feed and its API call name
the same items. Queries: the facet options once per taxonomy state, the engine's (none once
the index is ready), and four for the rows (news.selectors.load_rows) of the items whose
objects the cache lacks (api.item_cache).
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api.filters import LANGUAGE, PAGE, filter_parameters, news_ignored
from api.item_cache import news_objects
from api.language import language_query
from api.pagination import page_fields, page_of, page_query
from api.serializers.listings import NewsListSerializer
from api.serializers.news import NewsItemDetailSerializer, NewsItemSerializer
from api.views.base import ApiView, old_slug_redirect
from core.content_state import base_state
from news.listing.filterset import NewsFilter
from news.listing.paginator import PAGE_SIZE, IdsFirstPaginator
from news.models import NewsItem


def facets(filterset):
    """Every facet with the options the HTML filter panel shows (those with results and
    those selected), with the same counts, in the taxonomy's order."""
    return [
        {
            "name": facet.name,
            "label": str(facet.label),
            "options": [
                {
                    "value": option.value,
                    "label": str(option.label),
                    "count": option.count,
                    "selected": option.selected,
                    "depth": option.depth,
                }
                for option in facet.options
                if option.count or option.selected
            ],
        }
        for facet in filterset.facets()
    ]


def as_lists(query):
    return {key: list(values) for key, values in query.lists()}


class NewsListView(ApiView):
    @extend_schema(
        operation_id="news_list",
        summary="News, filtered as the /news/ listing",
        parameters=[*filter_parameters(NewsFilter), PAGE, LANGUAGE],
        responses=NewsListSerializer,
    )
    def get(self, request):
        # Read before the filter picks its index and before any row is read, so an object
        # stored under it never shows anything older (api.item_cache).
        state = base_state()
        filterset = NewsFilter(request.GET)
        page = page_of(IdsFirstPaginator(filterset.results, PAGE_SIZE), request)
        query = filterset.query
        links_query = query.copy()
        links_query.update(language_query(request))
        data = {
            **page_fields(request, page, links_query),
            "query": as_lists(query),
            "sort": filterset.current_sort,
            "ignored": news_ignored(filterset, request),
            "notices": [str(notice) for notice in filterset.notices],
            "facets": facets(filterset),
            "results": news_objects(list(page.object_list), state, self.serialize),
        }
        # The envelope is plain data already; NewsListSerializer describes it to the schema.
        response = Response(data)
        response.canonical_query = page_query(links_query, page.number)
        return response

    @staticmethod
    def serialize(items):
        return [dict(data) for data in NewsItemSerializer(items, many=True).data]


class NewsDetailView(ApiView):
    @extend_schema(
        operation_id="news_detail",
        summary="One news item",
        parameters=[LANGUAGE],
        responses=NewsItemDetailSerializer,
    )
    def get(self, request, slug):
        item = NewsItem.objects.published().with_listing_relations().filter(slug=slug).first()
        if item is None:
            return old_slug_redirect(request, NewsItem, slug, "api:news_detail")
        # No Last-Modified: the object also shows its tags' names, which change without the
        # item; the ETag covers them.
        return Response(NewsItemDetailSerializer(item).data)
