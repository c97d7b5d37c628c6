from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and meetings")

    def ready(self):
        from django.db.models.signals import post_delete

        from news import media_privacy

        post_delete.connect(
            media_privacy.item_deleted, sender="news.NewsItem", dispatch_uid="news_image_hidden"
        )
