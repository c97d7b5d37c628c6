from core.sitemaps import ModelSitemap
from structures.models import Structure


class StructureSitemap(ModelSitemap):
    changefreq = "weekly"

    def items(self):
        return Structure.objects.only("slug", "updated_at").order_by("name", "pk")
