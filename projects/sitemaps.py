"""The projects' sitemap section: only `published()` projects, each in its languages."""

from core import languages
from core.sitemaps import ModelSitemap
from projects.models import Project


class ProjectSitemap(ModelSitemap):
    changefreq = "monthly"
    content_model = Project

    def items(self):
        columns = [f"in_language_{code}" for code in languages.codes()]
        return Project.objects.published().only("slug", "updated_at", *columns).order_by("pk")

    def get_languages_for_item(self, item):
        return languages.item_languages(item)
