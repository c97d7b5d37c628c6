"""`/news/<slug>/`: one news item with its metadata, picture, related news and the
machine-readable description (Open Graph, JSON-LD) that search engines and social sites read.

What the page shows of the item is rendered once per content state, language and item and kept
in the cache (`fragment_key`) with what it shows (core.templatetags.noted_cache): the Open
Graph tags with the JSON-LD (one fragment, one cache round trip fewer), and the article with
its related news. The item's row is kept too, per item version (`row_key`: a published item
stays published until its version moves), and its id per slug (`id_key`). A stored page of the
item depends on its version, its related items' and the projects' (core.page_dependencies), so
an edit of another item leaves it stored. A page found in the cache runs no query (the
`{% cache %}` tags never evaluate the lazy values below); before, every view loaded the item, its
issuers, fields of work and countries, the related news and their issuers (six queries) and
rendered the article. Under gunicorn on the loaded benchmark machine that took the uncached
page from 19 to 82 requests per second (bench/README.md). Previews are rendered afresh and
never stored.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from core import languages, page_dependencies
from core.content_changes import item_key, item_versions
from core.content_state import base_state, current_state
from core.text import site_name
from news.media_privacy import file_url
from news.models import NewsItem, NewsItemIssuer, NewsType
from news.selectors import latest_news
from news.views.preview import PublishedOrPreviewMixin
from redirects.views import OldSlugRedirectMixin

RELATED_COUNT = 4
FRAGMENT_SECONDS = 600
# What the fragments show beyond the item's row, loaded only when they are rendered.
ITEM_RELATIONS = (
    Prefetch("issuers", queryset=NewsItemIssuer.objects.select_related("structure")),
    "fields_of_work",
    "countries",
)

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
            {
                "@type": "Organization",
                "name": lead.name_in_text,
                "url": absolute(lead.get_absolute_url()),
            }
            if lead
            else organisation
        ),
        "articleSection": [field.name for field in item.fields_of_work.all()],
    }
    if image_url:
        data["image"] = [image_url]
    return data


def fragment_key(state, item):
    """The cache key of the item's fragments: they differ with the content state, the
    visitor's language and the item, and with nothing else."""
    return f"{state}:{translation.get_language()}:{item.pk}"


def id_key(slug):
    """The id of the published item with this slug (checked against the row it leads to)."""
    return f"news-item-id:{hashlib.sha256(slug.encode()).hexdigest()}"


def row_key(version, pk):
    # Under the base state too: it names the release, and a transaction's own changes.
    return f"news-item:{base_state()}:{version}:{pk}"


def plain_row(item):
    """The item's row as plain data: the shared cache stores no Python objects
    (osce_site.cache_serializer). Dates as ISO strings, files as their names."""
    values = {}
    for field in NewsItem._meta.concrete_fields:
        value = getattr(item, field.attname)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif hasattr(value, "name") and not isinstance(value, str):
            value = value.name or ""
        values[field.attname] = value
    return values


def row_from_plain(values):
    fields = NewsItem._meta.concrete_fields
    return NewsItem.from_db(
        "default",
        [field.attname for field in fields],
        [field.to_python(values[field.attname]) for field in fields],
    )


def with_relations(item):
    prefetch_related_objects([item], *ITEM_RELATIONS)
    return item


# "In this section" beside an item: the listing narrowed to each type.
SECTION_TYPES = [
    (NewsType.PRESS_RELEASE, _("Press releases")),
    (NewsType.PRESS_STATEMENT, _("Press statements")),
    (NewsType.NEWS, _("News")),
    (NewsType.SPOT_REPORT, _("Spot reports")),
    (NewsType.DAILY_REPORT, _("Daily reports")),
]


class NewsDetailView(OldSlugRedirectMixin, PublishedOrPreviewMixin, DetailView):
    model = NewsItem
    template_name = "news/news_detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        """The published item, read after its version (core.page_dependencies: a stored
        page of the item depends on that version, and on nothing else of it): its id by its
        slug first (kept per slug, checked against the row), then its version, then its
        row (kept per id and version)."""
        # Read before the item's row: fragments stored under this state never show anything
        # older than it (as the listing's cards, news.views.listing). What they show is
        # noted with them (core.templatetags.noted_cache), so reading it here does not make
        # the page depend on everything.
        self.content_state = current_state()[0]
        slug = self.kwargs[self.slug_url_kwarg]
        published = NewsItem.objects.published()
        ids = cache.get(id_key(slug))
        pk = ids if isinstance(ids, int) else published.filter(slug=slug).values_list("pk")[:1]
        if not isinstance(pk, int):
            pk = pk[0][0] if pk else None
        if pk is not None:
            version_key = item_key(NewsItem, pk)
            version = item_versions([version_key], {version_key: cache.get(version_key)})
            key = row_key(version[version_key], pk)
            stored = cache.get(key)
            row = row_from_plain(stored) if isinstance(stored, dict) else None
            if row is None:
                row = published.filter(pk=pk).first()
                if row is not None and row.slug == slug:
                    cache.set(key, plain_row(row), FRAGMENT_SECONDS)
            if row is not None and row.slug == slug:
                self.is_preview = False
                cache.set(id_key(slug), pk, FRAGMENT_SECONDS)
                page_dependencies.complete()
                return row
            # The slug has moved on since: read as anything else is.
            cache.delete(id_key(slug))
            page_dependencies.everything()
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        row = self.object
        # Only the fragments read the item's relations: on a cache hit they are never loaded.
        item = SimpleLazyObject(lambda: with_relations(row))
        page = languages.page_context(row.get_absolute_url(), languages.item_languages(row))
        shown = page["shown_language"]
        text = languages.text_in(row, shown)
        with translation.override(shown):
            # The item's own URL in the language it is shown in: where search engines and
            # shared links should point when this language lacks it.
            url = absolute(row.get_absolute_url())

        def json_ld():
            with translation.override(shown):
                return script_json(news_article(item, url, hero_image_url(row)))

        context.update(
            item=item,
            text=text,
            **page,
            canonical_url=url,
            og_image=SimpleLazyObject(lambda: hero_image_url(row) or ""),
            json_ld=SimpleLazyObject(json_ld),
            related=SimpleLazyObject(lambda: related_news(item)),
            # A preview is rendered afresh and kept nowhere (a timeout of 0 stores nothing).
            fragment_key="preview" if self.is_preview else fragment_key(self.content_state, row),
            fragment_seconds=0 if self.is_preview else FRAGMENT_SECONDS,
            list_url=reverse("news:list"),
            section_top={"name": _("Newsroom"), "url": reverse("news:list")},
            section_links=[
                {"name": label, "url": f"{reverse('news:list')}?type={value}"}
                for value, label in SECTION_TYPES
            ],
            breadcrumbs=[
                (_("Home"), reverse("website:home")),
                (_("News"), reverse("news:list")),
                (text.title, None),
            ],
        )
        return context
