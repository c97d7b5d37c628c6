from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Simple pages editors keep in the admin: about us, contacts, privacy, terms, the
    accessibility statement, ... with their place in the main menu and the footer."""

    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from pages import old_paths

        old_paths.connect()
