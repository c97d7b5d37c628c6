from functools import partial

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from core import content_changes
        from news.listing import index_delta
        from projects.listing import PROJECTS

        # Where a project stands in the listing, read before and after a change of it, so
        # that a stored listing page it cannot reach is kept (core.listing_reach).
        content_changes.MEMBERSHIPS[content_changes.label_of(PROJECTS.model)] = partial(
            index_delta.memberships, PROJECTS
        )
