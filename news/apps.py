from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and meetings")

    def ready(self):
        from django.db.models.signals import post_delete

        from core import content_changes
        from news import media_privacy
        from news.listing import index_delta
        from news.models import NewsItem

        # Where a news item stands in the listings, read before and after a change of it, so
        # that a stored listing page it cannot reach is kept (news.listing.reach).
        content_changes.MEMBERSHIPS[content_changes.label_of(NewsItem)] = index_delta.memberships

        # Every content type with an image, whichever app declares it: all models are loaded
        # before any app is ready.
        for model in media_privacy.image_models():
            post_delete.connect(
                media_privacy.item_deleted,
                sender=model,
                dispatch_uid=f"image_hidden_{model._meta.label_lower}",
            )
