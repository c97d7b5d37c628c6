"""The sitemap sections, assembled from each app's own sitemaps."""

from django.urls import reverse

from core.sitemaps import SiteUrlSitemap
from countries.sitemaps import CountrySitemap
from documents.sitemaps import DocumentSitemap
from news.sitemaps import FieldOfWorkSitemap, MeetingSitemap, NewsItemSitemap
from pages.sitemaps import PageSitemap
from projects.sitemaps import ProjectSitemap
from structures.sitemaps import StructureSitemap


class StaticPageSitemap(SiteUrlSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "website:home",
            "news:list",
            "news:meeting_list",
            "projects:list",
            "field_operations:list",
            "documents:list",
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
    "projects": ProjectSitemap,
    "documents": DocumentSitemap,
    "fields-of-work": FieldOfWorkSitemap,
    "countries": CountrySitemap,
    "structures": StructureSitemap,
    # "pages" is the site's own listings (above); these are the editors' simple pages.
    "about": PageSitemap,
}
