from core.sitemaps import ModelSitemap
from countries.models import Country


class CountrySitemap(ModelSitemap):
    changefreq = "weekly"

    def items(self):
        return Country.objects.only("slug", "updated_at").order_by("name")
