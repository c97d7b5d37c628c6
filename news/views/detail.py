"""`/news/<slug>/`: one news item with its metadata, picture, related news and the
machine-readable description (Open Graph, JSON-LD) that search engines and social sites read.

What the page shows of the item is rendered once per language and item and kept in the cache
under what it shows (`{% cache_shown %}`, core.fragments): the item's version, its related
items', the projects' and documents' versions it read, the listing state (which items are
related) and the base state (the taxonomy: issuers' names, fields of work). Two fragments: the
Open Graph tags with the JSON-LD, and the article with its related news. An edit of another
item leaves them (before, they were keyed by the content state, and every edit anywhere rendered
every item's article again). The item's row is kept too, per item version (`row_key`: a
published item stays published until its version moves), and its id per slug (`id_key`); this
process keeps its own copies of them (core.fragments.LOCAL), and reads the item's version
through the versions' memo (at most once a second, its own changes at once), so a page of an
item seen lately makes no cache round trip and runs no query (the `{% cache_shown %}` tags never
evaluate the lazy values below). A stored page of the item depends on the same versions
(core.page_dependencies). Uncached, the page took 3.8 ms of CPU in-process with eleven cache
round trips; now 1.4 ms with none (bench/README.md). Previews are rendered afresh and never
stored.
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

from core import fragments, languages, page_dependencies
from core.content_changes import item_key, item_versions
from core.content_state import base_state, versions_now
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


def shown_fragment_key(item):
    """What the item's fragments are of: the item in the visitor's language. They are kept
    under what they show (`{% cache_shown %}`, core.fragments): the item's version, its
    related items' and projects', the listing and base states."""
    return f"{translation.get_language()}:{item.pk}"


def fragment_key(state, item):
    """The key of fragments kept per content state, language and item (the project and
    document pages' `{% cache %}`)."""
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


def published():
    return NewsItem.objects.published()


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


def section_links(list_url):
    return [{"name": label, "url": f"{list_url}?type={value}"} for value, label in SECTION_TYPES]


class NewsDetailView(OldSlugRedirectMixin, PublishedOrPreviewMixin, DetailView):
    model = NewsItem
    template_name = "news/news_detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        """The published item, read after its version (core.page_dependencies: a stored
        page of the item depends on that version, and on nothing else of it): its id by its
        slug first (kept per slug, checked against the row), then its version, then its
        row (kept per id and version). Each is this process's own copy where it has one
        (core.fragments), so a page of an item seen lately asks the shared cache nothing but
        the version, and that at most once a second (core.content_state's memo)."""
        slug = self.kwargs[self.slug_url_kwarg]
        slug_key = id_key(slug)
        ids = fragments.LOCAL.get(slug_key)
        if ids is None:
            ids = cache.get(slug_key)
            if isinstance(ids, int):
                fragments.LOCAL.put(slug_key, ids, FRAGMENT_SECONDS)
        pk = ids if isinstance(ids, int) else published().filter(slug=slug).values_list("pk")[:1]
        if not isinstance(pk, int):
            pk = pk[0][0] if pk else None
        if pk is not None:
            version_key = item_key(NewsItem, pk)
            version = item_versions([version_key], versions_now([version_key]))
            self.shown_versions = version
            key = row_key(version[version_key], pk)
            stored = fragments.shared(key, FRAGMENT_SECONDS)
            row = row_from_plain(stored) if isinstance(stored, dict) else None
            if row is None:
                row = published().filter(pk=pk).first()
                if row is not None and row.slug == slug:
                    fragments.store(key, plain_row(row), FRAGMENT_SECONDS)
            if row is not None and row.slug == slug:
                self.is_preview = False
                if ids != pk:
                    fragments.store(slug_key, pk, FRAGMENT_SECONDS)
                page_dependencies.complete()
                return row
            # The slug has moved on since: read as anything else is.
            cache.delete(slug_key)
            fragments.LOCAL.put(slug_key, "moved", FRAGMENT_SECONDS)
            page_dependencies.everything()
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        row = self.object
        # Only the fragments read the item's relations: on a cache hit they are never loaded.
        item = SimpleLazyObject(lambda: with_relations(row))
        page = languages.page_context(row.get_absolute_url(), languages.item_languages(row))
        shown = page["shown_language"]
        list_url = reverse("news:list")
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
            fragment_key="preview" if self.is_preview else shown_fragment_key(row),
            fragment_versions=getattr(self, "shown_versions", None),
            fragment_seconds=0 if self.is_preview else FRAGMENT_SECONDS,
            list_url=list_url,
            section_top={"name": _("Newsroom"), "url": list_url},
            # Only the content fragment shows them: on a cache hit they are never built.
            section_links=SimpleLazyObject(lambda: section_links(list_url)),
            breadcrumbs=[
                (_("Home"), reverse("website:home")),
                (_("News"), list_url),
                (text.title, None),
            ],
        )
        return context
