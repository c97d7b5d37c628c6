from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The site as a whole: home, search page, menu, site plumbing, roles, the taxonomy
    loader, and the wiring that keeps derived data in step with content."""

    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from website import invalidation

        invalidation.connect()
