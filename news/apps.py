from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and meetings")

    def ready(self):
        from . import signals
        from .search.schema import repair_after_migrate

        signals.connect()
        post_migrate.connect(repair_after_migrate, sender=self)
