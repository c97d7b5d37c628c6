"""The pages' sitemap section: only published pages, each in the languages it is written in."""

from core import languages
from core.sitemaps import ModelSitemap
from pages.models import Page


class PageSitemap(ModelSitemap):
    changefreq = "monthly"
    content_model = Page

    def items(self):
        """A few dozen pages at most, read once per sitemap request (the index asks for
        their count and their latest change)."""
        if not hasattr(self, "_pages"):
            self._pages = list(Page.objects.public().with_ancestors().order_by("pk"))
        return self._pages

    def get_languages_for_item(self, item):
        return languages.title_languages(item)

    def get_latest_lastmod(self):
        return max((page.updated_at for page in self.items()), default=None)
