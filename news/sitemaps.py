"""Sitemaps of the public pages: only `published()` items ever appear."""

from django.urls import reverse

from countries.sitemaps import CountrySitemap
from osce_site.sitemaps import ModelSitemap, SiteUrlSitemap
from structures.sitemaps import StructureSitemap

from .models import FieldOfWork, Meeting, NewsItem


class NewsItemSitemap(ModelSitemap):
    changefreq = "monthly"

    def items(self):
        # Primary-key order: no sort over every public row (sitemaps need no order).
        return NewsItem.objects.published().only("slug", "updated_at").order_by("pk")


class MeetingSitemap(ModelSitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.published().only("slug", "updated_at").order_by("-start_date", "-id")


class FieldOfWorkSitemap(ModelSitemap):
    changefreq = "daily"

    def items(self):
        return FieldOfWork.objects.only("slug", "updated_at")


class StaticPageSitemap(SiteUrlSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "news:home",
            "news:list",
            "news:meeting_list",
            "news:field_of_work_list",
            "countries:list",
            "structures:list",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": StaticPageSitemap,
    "news": NewsItemSitemap,
    "meetings": MeetingSitemap,
    "fields-of-work": FieldOfWorkSitemap,
    "countries": CountrySitemap,
    "structures": StructureSitemap,
}
