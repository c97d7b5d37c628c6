"""Sitemaps of the public pages: only `published()` items ever appear."""

from core import languages
from core.sitemaps import ModelSitemap
from news.models import FieldOfWork, Meeting, NewsItem


class NewsItemSitemap(ModelSitemap):
    """Each item in the languages it is published in, and no other."""

    changefreq = "monthly"
    content_model = NewsItem

    def items(self):
        # Primary-key order: no sort over every public row (sitemaps need no order).
        columns = [f"in_language_{code}" for code in languages.codes()]
        return NewsItem.objects.published().only("slug", "updated_at", *columns).order_by("pk")

    def get_languages_for_item(self, item):
        return languages.item_languages(item)


class MeetingSitemap(ModelSitemap):
    """Each meeting in the languages its title is written in."""

    changefreq = "monthly"
    content_model = Meeting

    def items(self):
        columns = [f"title_{code}" for code in languages.codes()]
        return (
            Meeting.objects.published()
            .only("slug", "updated_at", *columns)
            .order_by("-start_date", "-id")
        )

    def get_languages_for_item(self, item):
        return languages.title_languages(item)


class FieldOfWorkSitemap(ModelSitemap):
    changefreq = "daily"

    def items(self):
        return FieldOfWork.objects.only("slug", "updated_at")
