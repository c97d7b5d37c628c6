"""`/news/feed/`: an Atom feed of exactly what `/news/` lists for the same query string.

The same `NewsFilter` chooses and orders the items, and the feed carries the listing's first
page, so subscribing to "Elections in Serbia" gives what the listing shows for it. Every URL
in the feed is made absolute from `settings.SITE_URL`: Django's Feed would otherwise prefix
relative URLs with the request's Host header, which a client controls. Returning absolute
URLs from `link`, `feed_url` and `item_link` leaves Django's `add_domain` nothing to add.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from core import page_dependencies
from core.content_changes import read_versions
from core.text import site_name, strip_control_characters
from news.listing.filterset import NewsFilter
from news.listing.paginator import PAGE_SIZE
from news.models import NewsItem
from news.selectors import load_rows
from news.views.listing import with_query


def _without_control_characters(value):
    if isinstance(value, list | tuple):
        return [_without_control_characters(part) for part in value]
    return strip_control_characters(value)


class CleanAtom1Feed(Atom1Feed):
    """XML 1.0 cannot carry C0 control characters and Django's writer raises on them. Saves
    strip them, but a row written around the models (an SQL fix, `QuerySet.update()`) must
    not take the feed down: they are stripped again on the way out."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *map(_without_control_characters, args),
            **{key: _without_control_characters(value) for key, value in kwargs.items()},
        )

    def add_item(self, *args, **kwargs):
        super().add_item(
            *map(_without_control_characters, args),
            **{key: _without_control_characters(value) for key, value in kwargs.items()},
        )


class NewsFeed(Feed):
    feed_type = CleanAtom1Feed
    # The items the feed holds: the listing's first page (`ids`), loaded by `load`.
    model = NewsItem
    size = PAGE_SIZE

    def __call__(self, request, *args, **kwargs):
        # What the feed shows is the listing's first page (the listing state: membership,
        # order, the filters' names) and its items, whose versions are read before their rows
        # (`items`): a stored feed depends on those alone (core.page_dependencies), so an edit
        # of an item it does not hold keeps it.
        page_dependencies.complete()
        response = super().__call__(request, *args, **kwargs)
        # The page cache stores only the normalised query's feed (osce_site.page_cache).
        response.canonical_query = request.news_filter.query
        return response

    def get_object(self, request, *args, **kwargs):
        request.news_filter = NewsFilter(request.GET)
        return request.news_filter

    def title(self, filterset):
        terms = filterset.title_terms()
        if not terms:
            return gettext("%(site)s news") % {"site": site_name()}
        return gettext("%(site)s news: %(filters)s") % {
            "site": site_name(),
            "filters": ", ".join(terms),
        }

    def subtitle(self, filterset):
        return gettext("The latest news items published on the %(site)s website.") % {
            "site": site_name()
        }

    def link(self, filterset):
        return settings.SITE_URL + with_query(reverse("news:list"), filterset.query)

    def feed_url(self, filterset):
        return settings.SITE_URL + with_query(reverse("news:feed"), filterset.query)

    def feed_guid(self, filterset):
        return self.feed_url(filterset)

    def author_name(self, filterset):
        return site_name()

    def items(self, filterset):
        ids = list(filterset.results.ids(0, self.size))
        read_versions(self.model, ids)
        return self.load(ids)

    def load(self, ids):
        return load_rows(ids)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item):
        """The "Issued on" date, at midnight in the site's time zone."""
        return datetime.datetime.combine(
            item.issued_on, datetime.time.min, tzinfo=timezone.get_current_timezone()
        )

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        lead = item.lead_issuer
        return lead.name_in_text if lead else site_name()

    def item_author_link(self, item):
        lead = item.lead_issuer
        return settings.SITE_URL + lead.get_absolute_url() if lead else settings.SITE_URL + "/"

    def item_categories(self, item):
        return [field.name for field in item.fields_of_work.all()]
