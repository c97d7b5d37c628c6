"""What every piece of content (news item, project, document) shows in the API the same way:
the head of its object (id, slug, its page and API addresses, the language it is shown in, the
languages it has, its title) and the links to related content.

An item asked for by its slug in a language it lacks is shown whole in one it has (English
first, `core.languages`), as its page does, and says so in `language`: no object mixes the text
of two languages.
"""

from rest_framework import serializers

from api.links import absolute, api_url
from core import languages


def shown_language(item):
    """The language the item's text is given in (see the module's notes)."""
    if not hasattr(item, "_api_language"):
        item._api_language = languages.shown_language(
            languages.item_languages(item), languages.active()
        )
    return item._api_language


def text(item, field):
    return getattr(item, f"{field}_{shown_language(item)}", "") or ""


class RelatedNewsSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    url = serializers.URLField()
    api_url = serializers.URLField()


def related_links(items, detail_route):
    """Related content as `RelatedNewsSerializer` shows it; `detail_route` names its API page."""
    return [
        {
            "slug": item.slug,
            "url": absolute(item.get_absolute_url()),
            "api_url": api_url(detail_route, slug=item.slug),
        }
        for item in items
    ]


# The fields a content object starts with; a subclass names its API detail route and declares
# the rest after them. A comment, not a docstring: the schema would give every subclass it as
# its description (drf-spectacular reads inherited docstrings).
class ContentSerializer(serializers.Serializer):
    detail_route = None

    id = serializers.IntegerField()
    slug = serializers.SlugField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    language = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()

    def get_url(self, item) -> str:
        return absolute(item.get_absolute_url())

    def get_api_url(self, item) -> str:
        return api_url(self.detail_route, slug=item.slug)

    def get_language(self, item) -> str:
        return shown_language(item)

    def get_languages(self, item) -> list[str]:
        return languages.item_languages(item)

    def get_title(self, item) -> str:
        return text(item, "title")
