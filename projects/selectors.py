"""Reads of projects for pages: a listing page's rows and cards, the "Current projects"
blocks of taxonomy pages, and the projects a news item is part of. Every public read goes
through `published()` and the visitor's language (`ProjectFilter` or `public`)."""

from django.http import QueryDict

from core import languages
from core.content_changes import model_version
from projects.listing import ProjectFilter
from projects.models import Project, ProjectImplementer


def _in_order(queryset, ids):
    rows = queryset.in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def load_rows(ids):
    """The projects with these ids, in this order, with everything a card, a feed entry or
    the metadata block shows, in a fixed number of queries."""
    return _in_order(Project.objects.with_listing_relations().defer("description"), ids)


def load_cards(ids):
    """What a card shows (title, dates, lead implementer, summary), in two queries."""
    return _in_order(
        Project.objects.defer("description", "description_text").prefetch_related(
            ProjectImplementer.prefetch("implementers")
        ),
        ids,
    )


def listing_filter(**filters):
    """The listing's ProjectFilter for `filters` (facet name -> slug or slugs)."""
    params = QueryDict(mutable=True)
    for name, values in filters.items():
        params.setlist(name, [values] if isinstance(values, str) else list(values))
    return ProjectFilter(params)


def current_projects(limit, **filters):
    """(projects, total) of the ongoing projects matching `filters`, latest start first."""
    results = listing_filter(status="ongoing", **filters).results
    return load_cards(results.ids(0, limit)), results.count()


def projects_of(news_item):
    """The published projects, in the visitor's language, that `news_item` is part of. Read
    after the projects' version: a stored page showing them depends on it (core.
    page_dependencies)."""
    model_version(Project)
    return list(
        Project.objects.published()
        .in_language(languages.active())
        .filter(related_news=news_item.pk)
        .only("slug", "title", *(f"title_{code}" for code in languages.codes()))
        .order_by("-start_date", "-id")
    )
