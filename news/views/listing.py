"""`/news/`: the news listing, filtered by `NewsFilter` with facet counts.

The page runs a fixed number of queries whatever it shows: three for the facet options, four
facet counts, the total, the page's ids, its rows and the prefetch of their issuers. The cards
show a title, a date, the lead issuer, a type, a teaser and a picture, so the rows are loaded
without their bodies and without fields of work and countries (`load_cards`): at 20 rows those
cost most of an uncached page's time.

The filter panel (about 150 options with their counts) is rendered once per content state,
language and set of active filters, and kept in the cache (`filter_panel_key`): every page of
one filtered listing shares it, and its counts are computed only when it is rendered.

Canonical URL: `SITE_URL/news/` plus the normalised query string of the filters that were
applied (known values only, in a fixed key order, the page number from page 2 on). A link with
unknown slugs, unknown parameters or values in another order therefore names the same page as
its clean form. A listing narrowed by more than one filter value is `noindex`: such
combinations are for visitors, not for search engines.

Deep pages: at most `MAX_PAGES` pages (100,000 results) of any listing are served; the last
one says so and points to the filters and the date range, and a page past it is a 404 like
any page past the end. Every order (newest, oldest, relevance) pages through the facet index,
so depth costs microseconds, not a scan; only the SQL fallback (for the moments while a new
index is being built) pages with OFFSET, and the cap bounds that worst case. A cap rather
than keyset links because page numbers stay readable, shareable and cacheable URLs.
Crawlers find every item through the sitemaps, not through deep pages.
"""

from math import ceil

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from ..filters import NewsFilter
from ..models import NewsItem, NewsItemIssuer
from ..search.backends import highlights
from ..versioning import state_key

PAGE_SIZE = 20
MAX_PAGES = 5000
FILTER_PANEL_SECONDS = 600


def with_query(path, query):
    return f"{path}?{query.urlencode()}" if query else path


def load_cards(ids):
    """The news items with these ids, in this order, with what a card shows (see the module's
    notes): a fixed number of queries, and no column or relation the cards do not use."""
    rows = (
        NewsItem.objects.defer("body", "body_text")
        .prefetch_related(
            Prefetch(
                "issuers",
                queryset=NewsItemIssuer.objects.select_related("structure").order_by("position"),
            )
        )
        .in_bulk(ids)
    )
    return [rows[pk] for pk in ids if pk in rows]


def filter_panel_key(state, language, list_url, query, sort):
    """What the rendered filter panel depends on: its counts and options on the content state
    and the active filters (the normalised query holds every one of them, the page number
    never), its words and links on the language."""
    return "|".join((state, language or "", list_url, query.urlencode(), sort))


class IdsFirstPaginator(Paginator):
    """Pages a `FilteredResults`: counts and ids from it, then one load of the page's rows.
    Serves at most `MAX_PAGES` pages (see the module's notes)."""

    @property
    def all_pages(self):
        """How many pages the results would fill without the cap."""
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        return ceil(max(1, self.count - self.orphans) / self.per_page)

    @property
    def num_pages(self):
        return min(self.all_pages, MAX_PAGES)

    @property
    def capped(self):
        return self.all_pages > MAX_PAGES

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(load_cards(self.object_list.ids(bottom, top)), number, self)


class NewsListView(ListView):
    template_name = "news/news_list.html"
    context_object_name = "items"
    paginate_by = PAGE_SIZE
    paginator_class = IdsFirstPaginator

    def get_queryset(self):
        # Read before the filter picks its facet index (never older than this state), so a
        # panel stored under this state never holds counts from an earlier one.
        self.content_state = state_key()
        self.filterset = NewsFilter(self.request.GET)
        return self.filterset.results

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        query = filterset.query
        page = context["page_obj"]
        if filterset.search_query:
            marks = highlights(NewsItem, [item.pk for item in page], filterset.search_query)
            for item in page:
                item.highlight = marks.get(item.pk)
        list_url = reverse("news:list")
        canonical_query = query.copy()
        if page.number > 1:
            canonical_query["page"] = str(page.number)
        notices = filterset.notices
        if page.paginator.capped and page.number == MAX_PAGES:
            notices.append(
                _(
                    "Only the first %(pages)s pages of results are shown. To see older news, "
                    "narrow the filters or choose a date range."
                )
                % {"pages": MAX_PAGES}
            )
        summary = filterset.summary()
        for part in summary:
            for term in part.terms:
                term.url = with_query(list_url, term.remove_query)
        context.update(
            filter=filterset,
            # Counted only when the panel is rendered, not when it comes from the cache.
            facets=SimpleLazyObject(filterset.facets),
            filter_panel_key=filter_panel_key(
                self.content_state, get_language(), list_url, query, filterset.current_sort
            ),
            filter_panel_seconds=FILTER_PANEL_SECONDS,
            notices=notices,
            summary=summary,
            title_terms=filterset.title_terms(),
            total=context["paginator"].count,
            page_range=list(
                context["paginator"].get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            ),
            filter_query=query,
            list_url=list_url,
            feed_url=with_query(reverse("news:feed"), query),
            canonical_url=settings.SITE_URL + with_query(list_url, canonical_query),
            noindex=filterset.active_value_count > 1,
            sort_options=filterset.sort_options,
            current_sort=filterset.current_sort,
            breadcrumbs=[(_("Home"), reverse("news:home")), (_("News"), None)],
        )
        return context
