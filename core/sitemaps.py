"""The base of every sitemap: absolute URLs from `settings.SITE_URL`, never the Host header.

Django's sitemap view passes a site built from the request's Host; these sitemaps ignore it.
It lives in the project package so that each app's `sitemaps.py` can use it without the apps
importing each other.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import sitemaps
from django.db.models import Max

from core.content_changes import model_version


class SiteUrlSitemap(sitemaps.Sitemap):
    """Set `lastmod_field` for a model sitemap: each URL's <lastmod> and the index's come
    from it, the latter with one aggregate instead of loading every row.

    Every page is listed once per language it exists in, each with `hreflang` alternates
    and an `x-default` (the English URL); `get_languages_for_item` narrows that per item.
    """

    i18n = True
    alternates = True
    x_default = True
    # A sitemap file may hold 50,000 URLs, but one that size took 2.9 s to render at 60,000
    # items: 1,000 items (up to 6,000 URLs with their alternates) render in a fraction of a
    # second, and each page is stored by the page cache like any other.
    limit = 1_000
    lastmod_field = None
    # The publishable model whose items the section lists, if any (`read_version`).
    content_model = None

    @classmethod
    def read_version(cls):
        """The version of the section's model, read before any of its rows: a section and
        the index show every visible item's address and last change (its `<lastmod>`), so a
        stored copy depends on that model's version (core.page_dependencies) and no other.
        A section of the taxonomy depends on the base state alone."""
        if cls.content_model is not None:
            model_version(cls.content_model)

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_latest_lastmod(self):
        if self.lastmod_field is None:
            return None
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]


class ModelSitemap(SiteUrlSitemap):
    lastmod_field = "updated_at"

    def lastmod(self, obj):
        return getattr(obj, self.lastmod_field)
