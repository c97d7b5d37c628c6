"""`/search/`: everything public that matches, grouped by kind, with taxonomy shortcuts."""

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import languages
from documents import selectors as documents
from documents.models import Document
from news.models import Meeting, NewsItem
from news.selectors import listing_filter, load_cards
from pages.models import Page
from projects import selectors as projects
from projects.models import Project
from search.backends import filter_matching, highlights, rank_expression
from search.query import parse_query
from website.search_shortcuts import find_shortcuts

RESULTS_PER_KIND = 10


def ranked_results(queryset, query, limit):
    """The top `limit` rows by relevance (then recency), their total and their highlights."""
    matches = filter_matching(queryset, query)
    order = ["-search_rank", f"-{queryset.model._meta.ordering[0].lstrip('-')}", "-pk"]
    top = list(
        matches.annotate(search_rank=rank_expression(queryset.model, query)).order_by(*order)[
            :limit
        ]
    )
    total = len(top) if len(top) < limit else matches.count()
    marks = highlights(queryset.model, [row.pk for row in top], query)
    for row in top:
        row.highlight = marks.get(row.pk)
    return top, total


def document_results(query):
    """Documents through their listing's filter (the same rows and ranking as
    /documents/?q=), with the phrase found in a PDF as the snippet. A query that is a
    document symbol (PC.DEC/1162) puts that document first, whether or not its words match."""
    found = documents.listing_filter(q=query.raw).results
    ids = found.ids(0, RESULTS_PER_KIND)
    total = found.count()
    by_symbol = documents.by_symbol(query.raw)
    if by_symbol is not None and getattr(by_symbol, f"in_language_{query.language}", False):
        if by_symbol.pk in ids:
            ids.remove(by_symbol.pk)
        else:
            total += 1
        ids = [by_symbol.pk, *ids][:RESULTS_PER_KIND]
    cards = documents.load_cards(ids)
    marks = highlights(Document, ids, query)
    for document in cards:
        document.highlight = marks.get(document.pk)
    return cards, total


class SearchView(TemplateView):
    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw = self.request.GET.get("q", "")
        query = parse_query(raw, languages.active())
        canonical_query = QueryDict(mutable=True)
        if query:
            canonical_query["q"] = query.raw
        context.update(
            query=query,
            q=query.raw,
            # The page cache stores only this query's page (osce_site.page_cache).
            canonical_query=canonical_query,
            breadcrumbs=[(_("Home"), reverse("website:home")), (_("Search"), None)],
        )
        if not query:
            return context
        results = listing_filter(q=query.raw).results
        news, news_total = load_cards(results.ids(0, RESULTS_PER_KIND)), results.count()
        marks = highlights(NewsItem, [item.pk for item in news], query)
        for item in news:
            item.highlight = marks.get(item.pk)
        # Projects through their listing's filter, as the news: the same public rows and
        # ranking as /projects/?q=.
        found = projects.listing_filter(q=query.raw).results
        project_cards = projects.load_cards(found.ids(0, RESULTS_PER_KIND))
        marks = highlights(Project, [project.pk for project in project_cards], query)
        for project in project_cards:
            project.highlight = marks.get(project.pk)
        document_cards, documents_total = document_results(query)
        meetings, meetings_total = ranked_results(
            Meeting.objects.published().select_related("meeting_type", "host_country"),
            query,
            RESULTS_PER_KIND,
        )
        pages, pages_total = ranked_results(
            Page.objects.public().with_ancestors(), query, RESULTS_PER_KIND
        )
        context.update(
            pages=pages,
            pages_total=pages_total,
            shortcuts=find_shortcuts(query),
            news=news,
            news_total=news_total,
            meetings=meetings,
            meetings_total=meetings_total,
            projects=project_cards,
            projects_total=found.count(),
            documents=document_cards,
            documents_total=documents_total,
        )
        return context
