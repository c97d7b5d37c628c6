"""`/news/`: the news listing, filtered by `NewsFilter` with facet counts.

The page runs a fixed number of queries whatever it shows, at most: three for the facet
options (once per content state and process), four facet counts, the total and the page's ids
(these only while no facet index is ready), the search highlights, and the rows of the cards
the cache lacks with the prefetch of their issuers. The cards show a title, a date, the lead
issuer, a type, a teaser and a picture, so the rows are loaded without fields of work,
countries and bodies (`news.selectors.load_cards`): at 20 rows those two prefetches cost more than
the rest of the rows.

The filter panel is rendered once per listing state, language and set of active filters and
kept in the cache (news.listing.panel): the listing state moves only when items come or go or
their order or facet values change (`core.content_state.listing_state()`), so an edit of an
item's text keeps every panel. Cards are kept one per item and language (`card_key`), under
the base state (the taxonomy: a card names its issuer) and stored with the item's own version
(core.content_changes), read in the same round trip as the cards: an edit of one item renders
only its card again, and a card stored before the edit is never served after it. The newest
items are on the first pages of many filter combinations, and a page whose cards are all in
the cache loads none of its rows. A search's cards carry its highlights, so they are kept per
search words too.

Canonical URL: `SITE_URL/news/` plus the normalised query string of the filters that were
applied (known values only, in a fixed key order, the page number from page 2 on). A link with
unknown slugs, unknown parameters or values in another order therefore names the same page as
its clean form. A listing narrowed by more than one filter value is `noindex`: such
combinations are for visitors, not for search engines.

Deep pages: at most `MAX_PAGES` pages of any listing are served (news.listing.paginator); the
last one says so and points to the filters and the date range.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from core import page_dependencies
from core.content_changes import item_key, item_versions
from core.content_state import base_state, listing_state
from news.cards import card_html
from news.listing.filterset import NewsFilter
from news.listing.index_engine import reach_of
from news.listing.paginator import PAGE_SIZE, IdsFirstPaginator
from news.listing.panel import FILTER_PANEL_SECONDS, filter_panel_key, panel_facets
from news.selectors import load_cards
from search.backends import highlights

CARD_SECONDS = 600
CARD_HEADING = "h3"


def with_query(path, query):
    return f"{path}?{query.urlencode()}" if query else path


def search_key(search):
    """The search words as a key: a card found by a search carries their highlights."""
    return hashlib.sha256(f"{search.language}:{search.fts5()}".encode()).hexdigest()


def card_key(state, language, words, pk, kind="news"):
    return f"{kind}-card:{state}:{language}:{CARD_HEADING}:{words}:{pk}"


class ListingView(ListView):
    """A filtered listing (news, projects): its `filter_class` (a ListingFilter), its URLs,
    and how a card is made (`load_cards`, `card_html`). Everything else — canonical query,
    notices, summary, the cached filter panel, cards cached per item version — is shared."""

    context_object_name = "items"
    paginate_by = PAGE_SIZE
    paginator_class = IdsFirstPaginator
    filter_class = None
    list_url_name = ""
    feed_url_name = ""
    title = ""
    capped_notice = ""

    def load_cards(self, ids):
        """The rows a page's cards need, in the order of `ids`."""
        raise NotImplementedError

    def card_html(self, item, heading):
        raise NotImplementedError

    def get_queryset(self):
        """The filter's engine: the paginator takes its count and a page's ids from it."""
        # Read before the filter picks its facet index and before any row is read (neither is
        # older than these states), so a panel or card stored under them never shows
        # anything from an earlier one.
        self.base_state = base_state()
        self.listing_state = listing_state()[0]
        # What the page shows is the listing (its state) and its cards (their items'
        # versions, read before their rows): a stored page depends on those alone
        # (core.page_dependencies), so an edit of an item it does not show keeps it.
        page_dependencies.complete()
        self.filterset = self.filter_class(self.request.GET)
        # A listing move none of whose items can reach these filters keeps the stored page
        # (core.listing_reach).
        reach = reach_of(self.filterset.selection)
        if reach is not None:
            page_dependencies.note_listing(reach)
        return self.filterset.results

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            self.past_the_end()
            raise

    def past_the_end(self):
        """A page past the last one (a fifth of the benchmark's mix): asked for under the
        filters' canonical query and within the cap, its 404 may be kept by the page cache
        (`page_dependencies.keep_not_found`) under what decides it, the listing and the
        search's matches, which the page has noted: a change that brings results to it
        renders it again. Any other 404 is never kept (random addresses must not fill the
        cache)."""
        number = self.request.GET.get("page", "")
        if not number.isdigit() or not 1 < int(number) <= IdsFirstPaginator.max_pages:
            return
        if self.filterset.search_query:
            self.filterset.engine.search_state()
        canonical = self.filterset.query.copy()
        canonical["page"] = str(int(number))
        page_dependencies.keep_not_found(self.request, canonical)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        query = filterset.query
        page = context["page_obj"]
        list_url = reverse(self.list_url_name)
        canonical_query = query.copy()
        if page.number > 1:
            canonical_query["page"] = str(page.number)
        notices = filterset.notices
        if page.paginator.capped and page.number == page.paginator.max_pages:
            notices.append(self.capped_notice % {"pages": page.paginator.max_pages})
        summary = filterset.summary()
        # A search's counts follow its matches, which an edit of an item's text can change
        # without moving the listing state (news.listing.matches).
        panel_state = self.listing_state
        if filterset.search_query:
            panel_state = f"{panel_state}|{filterset.engine.search_state()}"
        for part in summary:
            for term in part.terms:
                term.url = with_query(list_url, term.remove_query)
        context.update(
            filter=filterset,
            # Counted only when the panel is rendered, not when it comes from the cache.
            facets=SimpleLazyObject(lambda: panel_facets(filterset)),
            filter_panel_key=filter_panel_key(
                panel_state, get_language(), list_url, query, filterset.current_sort
            ),
            filter_panel_seconds=FILTER_PANEL_SECONDS,
            cards=self.cards(page.object_list),
            notices=notices,
            summary=summary,
            title_terms=filterset.title_terms(),
            total=context["paginator"].count,
            page_range=list(
                context["paginator"].get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            ),
            filter_query=query,
            list_url=list_url,
            feed_url=with_query(reverse(self.feed_url_name), query),
            canonical_url=settings.SITE_URL + with_query(list_url, canonical_query),
            # The page cache stores only this query's page (osce_site.page_cache).
            canonical_query=canonical_query,
            noindex=filterset.active_value_count > 1,
            sort_options=filterset.sort_options,
            current_sort=filterset.current_sort,
            breadcrumbs=[(_("Home"), reverse("website:home")), (self.title, None)],
        )
        return context

    def cards(self, ids):
        """The page's cards as HTML, in order: from the cache where they are and stored under
        their item's current version, rendered (from only the rows they need) and stored
        where not. The versions are read before the rows, so a card stored under a version
        never shows an item older than it."""
        search = self.filterset.search_query
        words = search_key(search) if search else ""
        language = get_language()
        model = self.filterset.listing.model
        kind = self.filterset.listing.name
        keys = {pk: card_key(self.base_state, language, words, pk, kind) for pk in ids}
        version_keys = {pk: item_key(model, pk) for pk in ids}
        found = cache.get_many([*keys.values(), *version_keys.values()])
        versions = item_versions(list(version_keys.values()), found)
        html = {}
        for pk, key in keys.items():
            stored = found.get(key)
            if stored is not None and stored[0] == versions[version_keys[pk]]:
                html[pk] = stored[1]
        missing = [pk for pk in ids if pk not in html]
        if missing:
            marks = highlights(model, missing, search) if search else {}
            fresh = {}
            for item in self.load_cards(missing):
                # None rather than missing: a template looking up an attribute a model lacks
                # pays for an exception and a dir() of the instance, three times per card.
                item.highlight = marks.get(item.pk)
                fresh[item.pk] = self.card_html(item, CARD_HEADING)
            html.update(fresh)
            cache.set_many(
                {keys[pk]: (versions[version_keys[pk]], card) for pk, card in fresh.items()},
                CARD_SECONDS,
            )
        return [mark_safe(html[pk]) for pk in ids if pk in html]  # our own template's output


class NewsListView(ListingView):
    template_name = "news/news_list.html"
    filter_class = NewsFilter
    list_url_name = "news:list"
    feed_url_name = "news:feed"
    title = _("News")
    capped_notice = _(
        "Only the first %(pages)s pages of results are shown. To see older news, "
        "narrow the filters or choose a date range."
    )

    def load_cards(self, ids):
        return load_cards(ids)

    def card_html(self, item, heading):
        return card_html(item, heading)
