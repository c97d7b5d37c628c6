"""A listing's API list, for every listing built on `news.listing` (a `Listing` definition and
a `ListingFilter` subclass: the news, the projects, and any later one).

The list is the HTML listing's for the same query string: the listing's own FilterSet reads
it, the same engine (the facet index where the definition is indexed, SQL otherwise) finds the
ids, counts the facets and pages the results, so a listing URL, its feed and its API call name
the same items. A new listing's endpoint is a subclass naming its FilterSet, how its rows are
loaded and serialized, and its envelope's serializer for the schema (`api.views.news`,
`api.views.projects`).
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api.filters import LANGUAGE, PAGE, filter_parameters, listing_ignored
from api.language import language_query
from api.pagination import page_fields, page_of, page_query
from api.views.base import ApiView
from core.content_state import base_state
from news.listing.paginator import PAGE_SIZE, IdsFirstPaginator


def facets(filterset):
    """Every facet with the options the HTML filter panel shows (those with results and
    those selected), with the same counts, in the panel's order."""
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


def list_schema(view_class):
    """The OpenAPI description of a listing endpoint: its FilterSet's parameters, the page
    and the language."""
    return extend_schema(
        operation_id=view_class.operation_id,
        summary=view_class.summary,
        parameters=[*filter_parameters(view_class.filter_class), PAGE, LANGUAGE],
        responses=view_class.envelope_serializer,
    )


class ListingApiView(ApiView):
    filter_class = None  # a news.listing.filterset.ListingFilter subclass
    item_serializer = None  # one object per row
    envelope_serializer = None  # the whole answer, for the schema only
    operation_id = ""
    summary = ""

    def __init_subclass__(cls, **kwargs):
        """Each endpoint's `get` described with its own FilterSet (drf-spectacular annotates
        the function object, so every subclass gets a function of its own)."""
        super().__init_subclass__(**kwargs)
        if cls.filter_class is not None and "get" not in cls.__dict__:

            def get(self, request):
                return self.answer(request)

            cls.get = list_schema(cls)(get)

    def answer(self, request):
        # Read before the filter picks its index and before any row is read, so an object
        # stored under it never shows anything older (api.item_cache).
        state = base_state()
        filterset = self.filter_class(request.GET)
        page = page_of(IdsFirstPaginator(filterset.results, PAGE_SIZE), request)
        query = filterset.query
        links_query = query.copy()
        links_query.update(language_query(request))
        data = {
            **page_fields(request, page, links_query),
            "query": as_lists(query),
            "sort": filterset.current_sort,
            "ignored": listing_ignored(filterset, request),
            "notices": [str(notice) for notice in filterset.notices],
            "facets": facets(filterset),
            **self.extra(filterset),
            "results": self.objects(list(page.object_list), state),
        }
        # The envelope is plain data already; `envelope_serializer` describes it to the schema.
        response = Response(data)
        response.canonical_query = page_query(links_query, page.number)
        return response

    def extra(self, filterset):
        """More of the envelope (the projects' figures)."""
        return {}

    def objects(self, ids, state):
        """The objects of the rows `ids`, in order."""
        return self.serialize(self.load_rows(ids))

    def load_rows(self, ids):
        raise NotImplementedError

    def serialize(self, rows):
        return [dict(data) for data in self.item_serializer(rows, many=True).data]
