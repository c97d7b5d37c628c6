"""The rich-text editor's internal-link chooser: a staff-only JSON search of the site's pages
by title (static/admin_richtext/extensions.js calls it).

Each result carries the page's public address without a language prefix (`/news/slug/`), so
a link in the Russian body and one in the English body lead to the same page in the reader's
language. Drafts are listed for staff who may view them, marked as not live: an editor
linking two new items publishes them together, and the content checks
(`news.content_checks`) flag a link to a page that is still a draft when the item goes out.

Searching: the large tables (news, meetings, projects, pages) through the site's full-text
index in every language plus the exact slug; the small taxonomies by a case-insensitive
match on the name in any language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.text import strip_control_characters
from countries.models import Country
from news.models import FieldOfWork, Meeting, NewsItem
from pages.models import Page
from projects.models import Project
from search.backends import matching_in_any_language
from structures.models import Structure

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Source:
    model: type
    kind: str
    title_field: str
    order_by: tuple

    def visible_to(self, user):
        return user.has_perm(
            f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"
        ) or user.has_perm(f"{self.model._meta.app_label}.change_{self.model._meta.model_name}")

    def matching(self, term):
        manager = self.model._default_manager
        if getattr(self.model, "full_text_fields", None):
            parts = [manager.filter(slug=term).order_by().values("pk").query.sql_with_params()]
            parts += matching_in_any_language(self.model._meta.db_table, term)
            sql = " UNION ".join(sql for sql, _params in parts)
            params = [p for _sql, params in parts for p in params]
            return manager.filter(pk__in=RawSQL(sql, params))
        names = Q(slug=term)
        for code, _language in settings.LANGUAGES:
            names |= Q(**{f"{self.title_field}_{code}__icontains": term})
        return manager.filter(names)

    def live_ids(self, objects):
        """The ids among `objects` that visitors can see now, in one query."""
        ids = [obj.pk for obj in objects]
        published = getattr(self.model._default_manager, "published", None)
        if published is None:
            return set(ids)
        return set(published().filter(pk__in=ids).values_list("pk", flat=True))


SOURCES = (
    Source(NewsItem, _("News"), "title", ("-publish_at", "-pk")),
    Source(Meeting, _("Meeting"), "title", ("-start_date", "-pk")),
    Source(Project, _("Project"), "title", ("-pk",)),
    Source(Page, _("Page"), "title", ("pk",)),
    Source(Structure, _("Structure"), "name", ("name",)),
    Source(Country, _("Country"), "name", ("name",)),
    Source(FieldOfWork, _("Field of work"), "name", ("position", "name")),
)


def _results(user, term):
    """Every matching record the user may view, type by type, in the order of SOURCES."""
    for source in SOURCES:
        if source.visible_to(user):
            yield source, source.matching(term).order_by(*source.order_by)


def _page_number(raw):
    try:
        return max(1, int(raw))
    except (TypeError, ValueError):
        return 1


def link_chooser(request):
    """`?q=words&page=N`: a page of results, the total, and the next page's number (or null).

    The admin's `admin_view` wrapper answers anyone who is not active staff with the sign-in
    page, so neither the titles of drafts nor their existence reach anyone else."""
    raw = strip_control_characters(request.GET.get("q", ""))
    term = " ".join(raw.split())[:MAX_QUERY_LENGTH]
    page = _page_number(request.GET.get("page"))
    if not term:
        return JsonResponse({"count": 0, "results": [], "next_page": None})
    querysets = list(_results(request.user, term))
    counts = [queryset.count() for _source, queryset in querysets]
    total = sum(counts)
    start, stop = (page - 1) * PAGE_SIZE, page * PAGE_SIZE
    results, offset = [], 0
    for (source, queryset), count in zip(querysets, counts, strict=True):
        if offset + count > start and offset < stop:
            objects = list(queryset[max(0, start - offset) : stop - offset])
            live = source.live_ids(objects)
            results += [_describe(source, obj, obj.pk in live) for obj in objects]
        offset += count
    return JsonResponse(
        {"count": total, "results": results, "next_page": page + 1 if stop < total else None}
    )


def _describe(source, obj, live):
    with translation.override(settings.LANGUAGE_CODE):
        url = obj.get_absolute_url()
    return {
        "title": str(getattr(obj, source.title_field) or obj),
        "kind": str(source.kind),
        "url": url,
        "live": live,
    }
