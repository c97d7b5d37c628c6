"""What a revision holds, registered with django-reversion once, on import."""

import reversion

from news import audit as news_audit
from news.models import Meeting, MeetingDocument, NewsItem, NewsItemIssuer

# What a revision of each model holds besides the object: its rows (issuers, documents).
FOLLOWS = {NewsItem: ["issuers"], Meeting: ["documents"]}
reversion.register(NewsItemIssuer)
reversion.register(NewsItem, follow=FOLLOWS[NewsItem])
reversion.register(MeetingDocument)
reversion.register(Meeting, follow=FOLLOWS[Meeting])


def item_revision(request, comment=""):
    """A revision of its own around one item's save in a bulk action (`news.audit`)."""
    return news_audit.item_revision(request.user, comment)
