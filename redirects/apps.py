from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedirectsConfig(AppConfig):
    """Old addresses of pages whose slug changed, answered with a 301 to the current one.
    Content apps opt in with `redirect_old_slugs = True` on a model; this app knows no model."""

    name = "redirects"
    verbose_name = _("Redirects")

    def ready(self):
        from redirects import recording

        recording.connect()
