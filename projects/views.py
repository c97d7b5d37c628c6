"""`/projects/`, its Atom feed and `/projects/<slug>/`, on the news pages' machinery: the
listing is a `ListingView` (canonical query, notices, summary, the filter panel and the cards
cached as the news listing's are), the feed a `NewsFeed` over `ProjectFilter`, the detail page
a `PublishedOrPreviewMixin` view whose article is a fragment kept per content state and
language (as a news item's)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from core import languages, page_dependencies
from core.content_state import current_state
from core.text import site_name
from news.selectors import load_cards as load_news_cards
from news.selectors import read_versions
from news.views.detail import (
    FRAGMENT_SECONDS,
    absolute,
    fragment_key,
    hero_image_url,
    script_json,
)
from news.views.feeds import NewsFeed
from news.views.listing import ListingView, with_query
from news.views.preview import PublishedOrPreviewMixin
from projects import cards, selectors
from projects.listing import ProjectFilter
from projects.models import Project
from redirects.views import OldSlugRedirectMixin

PROJECT_TEXT = ("title", "summary", "description", "image_alt")
RELATED_NEWS = 6


class ProjectListView(ListingView):
    template_name = "projects/project_list.html"
    filter_class = ProjectFilter
    list_url_name = "projects:list"
    feed_url_name = "projects:feed"
    title = _("Projects")
    capped_notice = _(
        "Only the first %(pages)s pages of results are shown. To see other projects, narrow "
        "the filters or choose a range of years."
    )

    def load_cards(self, ids):
        return selectors.load_cards(ids)

    def card_html(self, item, heading):
        return cards.card_html(item, heading)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        # Computed only when the figures panel is rendered, not when it comes from the cache.
        context["figures"] = SimpleLazyObject(filterset.figures)
        context["years"] = (
            filterset.query.get("year_from", ""),
            filterset.query.get("year_to", ""),
        )
        return context


class ProjectFeed(NewsFeed):
    """The projects listing's first page for the same query string, newest start first."""

    def get_object(self, request, *args, **kwargs):
        request.news_filter = ProjectFilter(request.GET)
        return request.news_filter

    def title(self, filterset):
        terms = filterset.title_terms()
        if not terms:
            return gettext("%(site)s projects") % {"site": site_name()}
        return gettext("%(site)s projects: %(filters)s") % {
            "site": site_name(),
            "filters": ", ".join(terms),
        }

    def subtitle(self, filterset):
        return gettext("Projects carried out by the %(site)s.") % {"site": site_name()}

    def link(self, filterset):
        return settings.SITE_URL + with_query(reverse("projects:list"), filterset.query)

    def feed_url(self, filterset):
        return settings.SITE_URL + with_query(reverse("projects:feed"), filterset.query)

    model = Project
    size = 20

    def load(self, ids):
        return selectors.load_rows(ids)

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        """The project's start, at midnight in the site's time zone."""
        return datetime.datetime.combine(
            item.start_date, datetime.time.min, tzinfo=timezone.get_current_timezone()
        )

    def item_author_name(self, item):
        lead = item.lead_implementer
        return lead.name if lead else site_name()

    def item_author_link(self, item):
        lead = item.lead_implementer
        return settings.SITE_URL + (lead.get_absolute_url() if lead else "/")


def project_json_ld(project, url, image_url=None):
    """schema.org Project for the project (funders, dates, area served, its picture)."""
    organisation = {"@type": "Organization", "name": site_name(), "url": absolute("/")}
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": project.title,
        "description": project.summary,
        "url": url,
        "inLanguage": translation.get_language(),
        "startDate": project.start_date.isoformat(),
        "endDate": project.end_date.isoformat(),
        "parentOrganization": organisation,
        "funder": [
            {"@type": "Organization", "name": donor.name} for donor in project.ordered_donors
        ],
        "areaServed": [country.name for country in project.countries.all()],
    }
    if image_url:
        data["image"] = [image_url]
    lead = project.lead_implementer
    if lead:
        data["department"] = {
            "@type": "Organization",
            "name": lead.name,
            "url": absolute(lead.get_absolute_url()),
        }
    return data


def related_news(project):
    """The project's related news that visitors reading this language may see, newest
    first, as cards (one query for the ids, two for the cards)."""
    language = languages.active()
    ids = list(
        project.related_news.published()
        .in_language(language)
        .order_by("-issued_on", "-id")
        .values_list("pk", flat=True)[:RELATED_NEWS]
    )
    read_versions(ids)
    return load_news_cards(ids)


class ProjectDetailView(OldSlugRedirectMixin, PublishedOrPreviewMixin, DetailView):
    model = Project
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        # Read before the row, so that fragments stored under this state never show anything
        # older than it. They keep what they show with them (core.templatetags.noted_cache):
        # the project's version (read before its row, PublishedOrPreviewMixin), its related
        # news' and documents', so a stored page depends on those and the listing state
        # (which related items, in which order) alone (core.page_dependencies).
        self.content_state = current_state()[0]
        page_dependencies.complete()
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        # Only the fragments read the relations: on a cache hit they are never loaded.
        related_project = SimpleLazyObject(
            lambda: Project.objects.with_listing_relations().get(pk=project.pk)
        )
        page = languages.page_context(project.get_absolute_url(), languages.item_languages(project))
        shown = page["shown_language"]
        text = languages.text_in(project, shown, PROJECT_TEXT)
        with translation.override(shown):
            url = absolute(project.get_absolute_url())
        og_image = SimpleLazyObject(lambda: hero_image_url(project) or "")

        def json_ld():
            with translation.override(shown):
                return script_json(project_json_ld(related_project, url, hero_image_url(project)))

        list_url = reverse("projects:list")
        context.update(
            project=related_project,
            text=text,
            **page,
            canonical_url=url,
            json_ld=SimpleLazyObject(json_ld),
            og_image=og_image,
            related=SimpleLazyObject(lambda: related_news(project)),
            fragment_key=(
                "preview" if self.is_preview else fragment_key(self.content_state, project)
            ),
            fragment_seconds=0 if self.is_preview else FRAGMENT_SECONDS,
            list_url=list_url,
            news_list_url=reverse("news:list"),
            breadcrumbs=[
                (_("Home"), reverse("website:home")),
                (_("Projects"), list_url),
                (text.title, None),
            ],
        )
        return context
