"""`/api/v1/documents/` and `/api/v1/documents/<slug>/`.

The list is the HTML `/documents/` listing's (documents.views) for the same query string,
through `api.views.listings.ListingApiView` with `DocumentFilter`: the same facets and counts
(the files' languages among them), sorts and pages. Queries: the facet options once per
taxonomy state, one per facet for the counts, and a fixed number for the page's rows.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api.filters import LANGUAGE
from api.serializers.documents import PublicationSerializer, with_related
from api.serializers.listings import PublicationListSerializer
from api.views.base import ApiView, old_slug_redirect
from api.views.listings import ListingApiView
from core import languages
from documents.listing import DocumentFilter
from documents.models import Document


class DocumentListView(ListingApiView):
    filter_class = DocumentFilter
    item_serializer = PublicationSerializer
    envelope_serializer = PublicationListSerializer
    operation_id = "documents_list"
    summary = "Publications and documents, filtered as the /documents/ listing"

    def load_rows(self, ids):
        documents = with_related(
            Document.objects.with_listing_relations().defer("file_text"), languages.active()
        )
        rows = documents.in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]


class DocumentDetailView(ApiView):
    @extend_schema(
        operation_id="documents_detail",
        summary="One publication or document",
        parameters=[LANGUAGE],
        responses=PublicationSerializer,
    )
    def get(self, request, slug):
        documents = with_related(
            Document.objects.published().with_listing_relations().defer("file_text"),
            languages.active(),
        )
        document = documents.filter(slug=slug).first()
        if document is None:
            return old_slug_redirect(request, Document, slug, "api:document_detail")
        return Response(PublicationSerializer(document).data)
