"""A news item, meeting, project or document saved visible enqueues its matching at the commit
(alerts.matching; the sweep catches anything this misses). Reads the row's state after the
save, not the instance's."""

from django.db import transaction
from django.db.models.signals import post_save

from documents.models import Document
from news.models import Meeting, NewsItem
from projects.models import Project

from .models import Listing

LISTINGS = {
    NewsItem: Listing.NEWS,
    Meeting: Listing.MEETINGS,
    Project: Listing.PROJECTS,
    Document: Listing.DOCUMENTS,
}


def _saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.is_published:
        return
    listing, pk = LISTINGS[sender], instance.pk

    def enqueue():
        from . import tasks

        tasks.match_item.enqueue(listing, pk)

    transaction.on_commit(enqueue)


def connect():
    for model in LISTINGS:
        post_save.connect(_saved, sender=model, dispatch_uid=f"alerts-match-{model.__name__}")
