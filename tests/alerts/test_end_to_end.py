"""The whole path through a real SMTP server (aiosmtpd, in-process): a visitor filters news,
subscribes, confirms from the received mail, receives the next matching item — and only it —
with the list headers, unsubscribes in one click, and receives nothing more."""

import re

import pytest
from django.test import Client

from alerts.models import Subscriber, Subscription
from core.publishing import Status
from news import services as news_services
from tests.alerts.conftest import html_part, text_part
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

ADDRESS = "reader@example.net"


def publish(item, capture):
    with capture(execute=True):
        news_services.publish(item)


def test_subscribe_confirm_receive_unsubscribe(smtp, tags, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    client = Client(enforce_csrf_checks=True)

    listing = client.get("/news/?country=serbia&field_of_work=policing&sort=oldest")
    alert_link = re.search(r'href="(/alerts/news/[^"]*)"', listing.content.decode()).group(1)
    # The listing's normalised query (the sort order is dropped when subscribing).
    assert alert_link == "/alerts/news/?field_of_work=policing&amp;country=serbia&amp;sort=oldest"

    form = client.get(alert_link.replace("&amp;", "&"))
    assert form.status_code == 200
    page = form.content.decode()
    assert "News in Policing, from Serbia" in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    hidden = re.search(r'name="filter" value="([^"]*)"', page).group(1).replace("&amp;", "&")

    with capture(execute=True):
        answer = client.post(
            "/alerts/news/",
            {
                "csrfmiddlewaretoken": token,
                "email": ADDRESS,
                "frequency": "immediate",
                "language": "en",
                "filter": hidden,
            },
        )
    assert answer.status_code == 200
    assert "Check your mailbox" in answer.content.decode()

    # Nothing is sent before the link is followed.
    early = NewsItemFactory(
        title="Early policing news",
        status=Status.DRAFT,
        fields_of_work=[tags["policing"]],
        countries=[tags["serbia"]],
    )
    publish(early, capture)
    [confirmation] = smtp.to(ADDRESS)
    assert "Confirm" in confirmation["Subject"]
    confirm_url = re.search(
        r"https://www\.example\.org(/alerts/confirm/\S+/)", text_part(confirmation)
    ).group(1)

    confirm_page = client.get(confirm_url)
    assert confirm_page.status_code == 200
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm_page.content.decode()
    ).group(1)
    assert client.post(confirm_url, {"csrfmiddlewaretoken": token}).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None

    matching = NewsItemFactory(
        title="Police reform in Serbia",
        teaser="Training for community policing.",
        status=Status.DRAFT,
        fields_of_work=[tags["policing"]],
        countries=[tags["serbia"]],
        issued_by=[tags["unit"]],
    )
    other = NewsItemFactory(
        title="Elections in Albania",
        status=Status.DRAFT,
        fields_of_work=[tags["elections"]],
        countries=[tags["albania"]],
    )
    NewsItemFactory(
        title="Draft policing news",
        status=Status.DRAFT,
        fields_of_work=[tags["policing"]],
        countries=[tags["serbia"]],
    )
    publish(matching, capture)
    publish(other, capture)

    mails = smtp.to(ADDRESS)
    assert len(mails) == 2
    alert = mails[1]
    text, html = text_part(alert), html_part(alert)
    assert "Police reform in Serbia" in text and "Police reform in Serbia" in html
    assert "Training for community policing." in text
    assert "Policing Unit" in text
    assert "https://www.example.org/news/" + matching.slug + "/" in text
    for absent in ("Elections in Albania", "Draft policing news", "Early policing news"):
        assert absent not in text and absent not in html
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.fullmatch(
        r"<https://www\.example\.org(/alerts/unsubscribe/\S+/)>", alert["List-Unsubscribe"]
    ).group(1)
    assert alert["Content-Language"] == "en"

    # One click, as a mail client sends it: no cookies, no CSRF token.
    mail_client = Client(enforce_csrf_checks=True)
    done = mail_client.post(
        unsubscribe_url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert done.status_code == 200
    assert not Subscription.objects.exists()
    assert not Subscriber.objects.exists()

    later = NewsItemFactory(
        title="Later policing news",
        status=Status.DRAFT,
        fields_of_work=[tags["policing"]],
        countries=[tags["serbia"]],
    )
    publish(later, capture)
    assert len(smtp.to(ADDRESS)) == 2


def test_a_real_smtp_refusal_counts_as_a_hard_bounce(smtp, tags, settings):
    from django.utils import timezone

    from alerts import matching, sending
    from alerts.models import Listing, Outbox
    from tests.alerts.helpers import subscribed

    settings.ALERTS_BOUNCE_LIMIT = 1
    smtp.refuse["gone@example.net"] = "550 5.1.1 No such user"
    gone = subscribed("gone@example.net", "field_of_work=policing")
    kept = subscribed("kept@example.net", "field_of_work=policing")
    item = NewsItemFactory(title="Bounce test", fields_of_work=[tags["policing"]])
    matching.match(Listing.NEWS, [item.pk])
    assert sending.send([gone.pk, kept.pk], now=timezone.now()) == 1
    assert [message["To"] for message in smtp.messages] == ["kept@example.net"]
    assert Subscriber.objects.get(email="gone@example.net").suspended_at is not None
    assert Outbox.objects.get(subscription=gone).status == "pending"
    assert Outbox.objects.get(subscription=kept).status == "sent"
