"""`/api/v1/news/` and `/api/v1/news/<slug>/`.

The list is the HTML listing's (news.views.listing) for the same query string, through
`api.views.listings.ListingApiView` with `NewsFilter`. Queries: the facet options once per
taxonomy state, the engine's (none once the index is ready), and four for the rows
(news.selectors.load_rows) of the items whose objects the cache lacks (api.item_cache).
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api.filters import LANGUAGE
from api.item_cache import news_objects
from api.serializers.listings import NewsListSerializer
from api.serializers.news import NewsItemDetailSerializer, NewsItemSerializer
from api.views.base import ApiView, old_slug_redirect
from api.views.listings import ListingApiView
from news.listing.filterset import NewsFilter
from news.models import NewsItem


class NewsListView(ListingApiView):
    filter_class = NewsFilter
    item_serializer = NewsItemSerializer
    envelope_serializer = NewsListSerializer
    operation_id = "news_list"
    summary = "News, filtered as the /news/ listing"

    def objects(self, ids, state):
        return news_objects(ids, state, self.serialize)


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
