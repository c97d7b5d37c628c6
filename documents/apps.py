from functools import partial

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Publications and documents")

    def ready(self):
        from core import content_changes
        from documents import signals
        from documents.listing import DOCUMENTS
        from news.listing import index_delta

        signals.connect()
        # Where a document stands in the listing, read before and after a change of it, so
        # that a stored listing page it cannot reach is kept (core.listing_reach).
        content_changes.MEMBERSHIPS[content_changes.label_of(DOCUMENTS.model)] = partial(
            index_delta.memberships, DOCUMENTS
        )
