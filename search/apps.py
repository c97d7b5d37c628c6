from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The full-text engine: which columns are indexed per language, and how each database
    queries them. Content apps declare `full_text_fields` on a model; this app knows no model."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search.schema import repair_after_migrate

        post_migrate.connect(repair_after_migrate, dispatch_uid="search-repair-after-migrate")
