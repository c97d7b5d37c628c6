from osce_site.sitemaps import ModelSitemap

from .models import Country


class CountrySitemap(ModelSitemap):
    changefreq = "weekly"

    def items(self):
        return Country.objects.only("slug", "updated_at").order_by("name")
