from django.http import QueryDict

from alerts import services
from alerts.filters import normalise
from alerts.models import Frequency, Listing


def subscribed(
    email,
    query="",
    *,
    listing=Listing.NEWS,
    language="en",
    frequency=Frequency.IMMEDIATE,
    confirmed=True,
):
    """A subscription made through the service (its notice mail goes out at the commit, so
    not at all inside a test's transaction), confirmed unless told otherwise."""
    subscription = services.subscribe(
        email, listing, language, normalise(listing, QueryDict(query), language), frequency
    )
    if confirmed:
        services.confirm(subscription)
    return subscription
