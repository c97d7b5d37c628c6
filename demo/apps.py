from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content and logins for a laptop or a staging server; never needed in production."""

    name = "demo"
    verbose_name = _("Demo content")
