"""A project as the API shows it: every field its page shows, in the requested language —
number, dates, the status derived from them today, the implementing structures and the donors
in the editors' order (the first implementer leads), the beneficiary countries, the fields of
work, funding and budget, and the related news visitors reading that language may see.

A project asked for by its slug in a language it lacks is shown whole in one it has, and says
so in `language` (api.serializers.content). Needs the relations prefetched
(`ProjectQuerySet.with_listing_relations`) and `related_news_ids` set (`with_related_news`).
"""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers import tags
from api.serializers.content import ContentSerializer, RelatedNewsSerializer, related_links, text
from api.serializers.tags import TagSerializer
from news.models import NewsItem


class DonorSerializer(TagSerializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    country = serializers.SerializerMethodField(
        help_text="The country's slug, for a participating State or Partner; else null."
    )

    def get_country(self, donor) -> str | None:
        return donor.country.slug if donor.country_id else None


def visible_news(language):
    """Related news visitors reading `language` may see, newest first, as a prefetch reads it."""
    return (
        NewsItem.objects.published()
        .in_language(language)
        .only("pk", "slug", "issued_on")
        .order_by("-issued_on", "-id")
    )


def with_related_news(projects, language):
    """Prefetches each project's related news that visitors reading `language` may see,
    newest first, as `related_news_visible` (one query for the whole page)."""
    return projects.prefetch_related(
        Prefetch("related_news", queryset=visible_news(language), to_attr="related_news_visible")
    )


class ProjectSerializer(ContentSerializer):
    detail_route = "project_detail"

    summary = serializers.SerializerMethodField()
    number = serializers.CharField(help_text="The project number; empty when it has none.")
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    status = serializers.SerializerMethodField(
        help_text="planned, ongoing or completed: derived from the dates and today's date."
    )
    status_label = serializers.SerializerMethodField()
    implemented_by = tags.structures("ordered_implementers", help_text="In order; the first leads.")
    donors = DonorSerializer(source="ordered_donors", many=True, help_text="In order.")
    countries = tags.countries(help_text="The beneficiary countries.")
    fields_of_work = tags.fields_of_work()
    funding = serializers.CharField()
    funding_label = serializers.CharField(source="get_funding_display")
    budget = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text="In euros, as a string; null when the project states none.",
    )
    currency = serializers.SerializerMethodField()
    related_news = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField()

    def get_summary(self, project) -> str:
        return text(project, "summary")

    def get_status(self, project) -> str:
        return str(project.project_status.value)

    def get_status_label(self, project) -> str:
        return str(project.project_status.label)

    def get_currency(self, project) -> str:
        return "EUR"

    @extend_schema_field(RelatedNewsSerializer(many=True))
    def get_related_news(self, project):
        return related_links(project.related_news_visible, "news_detail")


class ProjectDetailSerializer(ProjectSerializer):
    description = serializers.SerializerMethodField(help_text="Sanitised HTML.")

    def get_description(self, project) -> str:
        return text(project, "description")
