"""A document (publication) as the API shows it: every field its page shows, in the requested
language — symbol, type, publication date, the issuing structures in the editors' order (the
first leads), fields of work, countries, summary, the files (one per language, with the
language's name in itself, size, pages and download URL), and the related news and projects
visitors reading that language may see.

A document asked for by its slug in a language it lacks is shown whole in one it has, and says
so in `language` (api.serializers.content). Needs the relations prefetched
(`DocumentQuerySet.with_listing_relations`, fields of work, countries) and
`related_news_visible` / `related_projects_visible` set (`with_related`).
"""

from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.links import absolute
from api.serializers import tags
from api.serializers.content import ContentSerializer, RelatedNewsSerializer, related_links, text
from api.serializers.projects import visible_news
from documents.language_tags import name_in_itself
from projects.models import Project


def with_related(documents, language):
    """Prefetches each document's related news and projects that visitors reading `language`
    may see, newest first (one query each for the whole page)."""
    projects = (
        Project.objects.published()
        .in_language(language)
        .only("pk", "slug", "start_date")
        .order_by("-start_date", "-id")
    )
    return documents.prefetch_related(
        "fields_of_work",
        "countries",
        Prefetch("related_news", queryset=visible_news(language), to_attr="related_news_visible"),
        Prefetch("projects", queryset=projects, to_attr="related_projects_visible"),
    )


class PublicationFileSerializer(serializers.Serializer):
    language = serializers.CharField(help_text="A BCP 47 language tag: en, ru, sr-Latn…")
    language_name = serializers.SerializerMethodField(help_text="The language's name in itself.")
    size = serializers.IntegerField(help_text="In bytes.")
    pages = serializers.IntegerField(allow_null=True)
    url = serializers.SerializerMethodField(help_text="The PDF's download URL.")

    def get_language_name(self, row) -> str:
        return str(name_in_itself(row.language))

    def get_url(self, row) -> str:
        return absolute(
            reverse(
                "documents:download",
                kwargs={"slug": row.document.slug, "language": row.language},
            )
        )


class RelatedProjectSerializer(RelatedNewsSerializer):
    pass


class PublicationSerializer(ContentSerializer):
    detail_route = "document_detail"

    summary = serializers.SerializerMethodField()
    symbol = serializers.CharField(help_text="The document symbol; empty when it has none.")
    type = serializers.SlugField(source="document_type.slug")
    type_label = serializers.CharField(source="document_type.name")
    publication_date = serializers.DateField()
    issued_by = tags.structures("ordered_issuers", help_text="In order; the first leads.")
    fields_of_work = tags.fields_of_work()
    countries = tags.countries()
    files = PublicationFileSerializer(source="ordered_files", many=True)
    external_url = serializers.URLField(
        help_text="Where the document is published elsewhere; empty when it is not."
    )
    related_news = serializers.SerializerMethodField()
    related_projects = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField()

    def get_summary(self, document) -> str:
        return text(document, "summary")

    @extend_schema_field(RelatedNewsSerializer(many=True))
    def get_related_news(self, document):
        return related_links(document.related_news_visible, "news_detail")

    @extend_schema_field(RelatedProjectSerializer(many=True))
    def get_related_projects(self, document):
        return related_links(document.related_projects_visible, "project_detail")
