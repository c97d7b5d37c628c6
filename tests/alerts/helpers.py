"""What the alert tests do again and again: subscribe, publish, read the mails sent."""

import re

from django.core import mail
from django.http import QueryDict

from alerts import services
from alerts.filters import normalise
from alerts.models import Frequency, Listing
from core.publishing import Status
from news import services as news_services
from tests.factories import NewsItemFactory


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


def alerts_to(address):
    return [
        message
        for message in mail.outbox
        if message.to == [address] and "List-Unsubscribe" in message.extra_headers
    ]


def publish(item, capture):
    with capture(execute=True):
        news_services.publish(item)


def policing_item(tags, **kwargs):
    values = {
        "status": Status.DRAFT,
        "fields_of_work": [tags["policing"]],
        "countries": [tags["serbia"]],
    }
    values.update(kwargs)
    return NewsItemFactory(**values)


def subscribe_page(client, address, query="field_of_work=policing", frequency="daily"):
    page = client.get(f"/alerts/news/?{query}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    hidden = re.search(r'name="filter" value="([^"]*)"', page.content.decode()).group(1)
    return client.post(
        "/alerts/news/",
        {
            "csrfmiddlewaretoken": token.group(1) if token else "",
            "email": address,
            "frequency": frequency,
            "language": "en",
            "filter": hidden.replace("&amp;", "&"),
        },
    )


def without_csrf(content):
    return re.sub(r'value="[^"]{30,}"', "", content.decode())
