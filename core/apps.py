from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: what every content app stands on (abstract models, rich text,
    languages, publishing, the content state). It has no models of its own."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import stored_row
        from core.content_state import publishable_models

        # Before the receivers of the apps above (they are ready later), which read it.
        stored_row.connect(publishable_models())
