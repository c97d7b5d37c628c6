"""The documents' sitemap section: only `published()` documents, each in its languages."""

from core import languages
from core.sitemaps import ModelSitemap
from documents.models import Document


class DocumentSitemap(ModelSitemap):
    changefreq = "monthly"
    content_model = Document

    def items(self):
        columns = [f"in_language_{code}" for code in languages.codes()]
        return Document.objects.published().only("slug", "updated_at", *columns).order_by("pk")

    def get_languages_for_item(self, item):
        return languages.item_languages(item)
