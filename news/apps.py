from functools import partial

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and meetings")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from core import content_changes
        from news import library_images, media_privacy
        from news.listing import index_delta
        from news.listing.definition import NEWS

        # Where a news item stands in the listings, read before and after a change of it, so
        # that a stored listing page it cannot reach is kept (core.listing_reach).
        content_changes.MEMBERSHIPS[content_changes.label_of(NEWS.model)] = partial(
            index_delta.memberships, NEWS
        )

        # Every content type with an image, whichever app declares it: all models are loaded
        # before any app is ready.
        for model in media_privacy.image_models():
            post_delete.connect(
                media_privacy.item_deleted,
                sender=model,
                dispatch_uid=f"image_hidden_{model._meta.label_lower}",
            )
            label = model._meta.label_lower
            pre_save.connect(library_images.before_save, sender=model, dispatch_uid=f"lib_{label}")
            post_save.connect(library_images.after_save, sender=model, dispatch_uid=f"lib_{label}")
