"""What a revision holds, registered with django-reversion once, on import."""

import reversion

from news import audit as news_audit
from news.models import Meeting, NewsItem, NewsItemIssuer

# What a revision of each model holds besides the object: its rows (issuers, documents).
FOLLOWS = {}


def register(model, rows=()):
    """Keep revisions of a publishable `model` with its rows (`rows`: (related name, row
    model) pairs), restored with it (news.admin.revisions.restore). Other content types
    (projects) register here too."""
    FOLLOWS[model] = [name for name, _row_model in rows]
    for _name, row_model in rows:
        reversion.register(row_model)
    reversion.register(model, follow=FOLLOWS[model])


register(NewsItem, [("issuers", NewsItemIssuer)])
register(Meeting)


def item_revision(request, comment=""):
    """A revision of its own around one item's save in a bulk action (`news.audit`)."""
    return news_audit.item_revision(request.user, comment)
