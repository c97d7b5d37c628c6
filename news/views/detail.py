"""`/news/<slug>/`: one news item with its metadata, picture, related news and the
machine-readable description (Open Graph, JSON-LD) that search engines and social sites read."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from core import languages
from core.text import site_name
from news.media_privacy import file_url
from news.models import NewsItem
from news.selectors import latest_news
from news.views.preview import PublishedOrPreviewMixin

RELATED_COUNT = 4

# Characters that could end the <script> element or open a comment or CDATA section inside it;
# escaped the way Django's json_script does, so any title is safe in JSON-LD.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_json(data):
    """JSON for a <script> element: `</script>` in any value cannot close it."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES))


def absolute(url):
    return settings.SITE_URL + url


def related_news(item):
    """The newest published items sharing a field of work with `item`, in one query (plus the
    cards' prefetches)."""
    slugs = [field.slug for field in item.fields_of_work.all()]
    if not slugs:
        return []
    return latest_news(RELATED_COUNT, exclude=item.pk, field_of_work=slugs)[0]


def hero_image_url(item):
    """The largest JPEG rendition: what Open Graph and JSON-LD point at."""
    entries = [
        entry
        for entry in (item.image_renditions or {}).get("slots", {}).get("hero", [])
        if entry["format"] == "jpg"
    ]
    if not entries:
        return None
    url = file_url(item, max(entries, key=lambda entry: entry["width"])["name"])
    return url if url.startswith(("http://", "https://")) else absolute(url)


def news_article(item, url, image_url):
    """schema.org NewsArticle for the item."""
    organisation = {"@type": "Organization", "name": site_name(), "url": absolute("/")}
    lead = item.lead_issuer
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "inLanguage": translation.get_language(),
        "description": item.teaser,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": item.issued_on.isoformat(),
        "dateModified": item.updated_at.isoformat(),
        "publisher": organisation,
        "author": (
            {"@type": "Organization", "name": lead.name, "url": absolute(lead.get_absolute_url())}
            if lead
            else organisation
        ),
        "articleSection": [field.name for field in item.fields_of_work.all()],
    }
    if image_url:
        data["image"] = [image_url]
    return data


class NewsDetailView(PublishedOrPreviewMixin, DetailView):
    template_name = "news/news_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return NewsItem.objects.with_listing_relations()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        page = languages.page_context(item.get_absolute_url(), languages.item_languages(item))
        shown = page["shown_language"]
        text = languages.text_in(item, shown)
        with translation.override(shown):
            # The item's own URL in the language it is shown in: where search engines and
            # shared links should point when this language lacks it.
            url = absolute(item.get_absolute_url())
            image_url = hero_image_url(item)
            json_ld = script_json(news_article(item, url, image_url))
        context.update(
            text=text,
            **page,
            canonical_url=url,
            og_image=image_url,
            json_ld=json_ld,
            related=related_news(item),
            list_url=reverse("news:list"),
            breadcrumbs=[
                (_("Home"), reverse("website:home")),
                (_("News"), reverse("news:list")),
                (text.title, None),
            ],
        )
        return context
