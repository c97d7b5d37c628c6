"""Pages of a filtered listing, from an engine's count and ids (news.listing.engine).

Deep pages: at most `MAX_PAGES` pages (100,000 results) of any listing are served; the last
one says so (the view adds a notice) and a page past it is a 404 like any page past the end.
Every order (newest, oldest, relevance) pages through the facet index, so depth costs
microseconds, not a scan; only the SQL engine (for the moments while a new index is being
built) pages with OFFSET, and the cap bounds that worst case. A cap rather than keyset links
because page numbers stay readable, shareable and cacheable URLs. Crawlers find every item
through the sitemaps, not through deep pages.
"""

from math import ceil

from django.core.paginator import Paginator

PAGE_SIZE = 20
MAX_PAGES = 5000


class IdsFirstPaginator(Paginator):
    """Pages an engine's results: a page's `object_list` is its ids, since the listing renders
    cards (mostly from the cache) rather than rows."""

    max_pages = MAX_PAGES

    @property
    def all_pages(self):
        """How many pages the results would fill without the cap."""
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        return ceil(max(1, self.count - self.orphans) / self.per_page)

    @property
    def num_pages(self):
        return min(self.all_pages, self.max_pages)

    @property
    def capped(self):
        return self.all_pages > self.max_pages

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.object_list.ids(bottom, top), number, self)
