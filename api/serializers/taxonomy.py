"""The taxonomy the filters take their slugs from: fields of work, countries with their
status, structures as a tree, meeting series. Each record links to its page and to the API
list it filters."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.links import absolute, api_url


class TaxonomySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, record) -> str:
        return absolute(record.get_absolute_url())


class FieldOfWorkSerializer(TaxonomySerializer):
    news = serializers.SerializerMethodField(help_text="The news in this field of work.")

    def get_news(self, field) -> str:
        return api_url("news_list", {"field_of_work": field.slug})


class MeetingSeriesSerializer(TaxonomySerializer):
    meeting_count = serializers.IntegerField(help_text="Published meetings of the series.")
    meetings = serializers.SerializerMethodField(help_text="The meetings of this series.")

    def get_meetings(self, series) -> str:
        return api_url("meeting_list", {"type": series.slug})


class CountrySerializer(TaxonomySerializer):
    iso_code = serializers.CharField(allow_null=True)
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    joined_on = serializers.DateField(allow_null=True)
    aliases = serializers.SerializerMethodField()
    chairpersonships = serializers.SerializerMethodField(
        help_text="The years the country held the Chairpersonship."
    )
    news = serializers.SerializerMethodField(help_text="The news about this country.")

    def get_aliases(self, country) -> list[str]:
        return [alias.name for alias in country.aliases.all()]

    def get_chairpersonships(self, country) -> list[int]:
        return sorted(chair.year for chair in country.chairpersonships.all())

    def get_news(self, country) -> str:
        return api_url("news_list", {"country": country.slug})


class StructureSerializer(TaxonomySerializer):
    """One structure with the units below it (`children`, in the editors' order). Needs the
    tree (`context["tree"]`, a `structures.tree.StructureTree` of the same rows)."""

    acronym = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    host_country = serializers.SerializerMethodField(help_text="The host country's slug.")
    location = serializers.CharField()
    established_on = serializers.DateField(allow_null=True)
    closed_on = serializers.DateField(allow_null=True)
    closed = serializers.BooleanField(source="is_closed")
    aliases = serializers.SerializerMethodField()
    news = serializers.SerializerMethodField(
        help_text="The news issued by this structure or a unit below it."
    )
    children = serializers.SerializerMethodField()

    def get_host_country(self, structure) -> str | None:
        return structure.host_country.slug if structure.host_country else None

    def get_aliases(self, structure) -> list[str]:
        return [alias.name for alias in structure.aliases.all()]

    def get_news(self, structure) -> str:
        return api_url("news_list", {"issued_by": structure.slug})

    @extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/Structure"}})
    def get_children(self, structure):
        tree = self.context["tree"]
        seen = self.context.setdefault("seen", set())
        children = [child for child in tree.children(structure.pk) if child.pk not in seen]
        seen.update(child.pk for child in children)
        return StructureSerializer(children, many=True, context=self.context).data
