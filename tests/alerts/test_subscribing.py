"""Subscribing to alerts: one answer for new and known addresses, the listing's filter in words,
nothing before confirmation, expiring links, rate limits."""

import pytest
from django.core import mail
from django.test import Client

from alerts import schedule, services, tokens
from alerts.models import (
    Frequency,
    Outbox,
    Subscriber,
    Subscription,
)
from tests.alerts.helpers import (
    alerts_to,
    policing_item,
    publish,
    subscribe_page,
    subscribed,
    without_csrf,
)

pytestmark = pytest.mark.django_db


def test_the_answer_is_the_same_for_new_and_known_addresses(
    tags, django_capture_on_commit_callbacks
):
    subscribed("known@example.net", "field_of_work=policing", frequency=Frequency.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        new = subscribe_page(Client(), "new@example.net")
        known = subscribe_page(Client(), "known@example.net")
    assert new.status_code == known.status_code == 200
    assert without_csrf(new.content) == without_csrf(known.content)
    # What differs goes to the mailbox only.
    [to_new] = [m for m in mail.outbox if m.to == ["new@example.net"]]
    [to_known] = [m for m in mail.outbox if m.to == ["known@example.net"]]
    assert "/alerts/confirm/" in to_new.body
    assert "/alerts/confirm/" not in to_known.body and "/alerts/manage/" in to_known.body
    assert Subscription.objects.filter(subscriber__email="known@example.net").count() == 1


def test_an_invalid_address_is_reported_on_its_field(tags):
    response = subscribe_page(Client(), "not an address")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="id_email_error"' in body
    assert 'aria-describedby="id_email_error"' in body
    assert not Subscriber.objects.exists()


def test_the_filter_is_the_listings_normalised_query_in_words(client, tags):
    page = client.get("/alerts/news/?country=serbia&country=nowhere&field_of_work=policing&page=3")
    body = page.content.decode()
    assert "News in Policing, from Serbia" in body
    assert 'value="field_of_work=policing&amp;country=serbia"' in body
    meetings = client.get("/alerts/meetings/?type=ministerial-council&type=bogus")
    assert "Meetings and conferences of the series Ministerial Council" in meetings.content.decode()


def test_nothing_is_sent_before_confirmation(tags, django_capture_on_commit_callbacks):
    subscription = subscribed("late@example.net", "field_of_work=policing", confirmed=False)
    publish(policing_item(tags, title="Before confirming"), django_capture_on_commit_callbacks)
    assert not Outbox.objects.exists()
    assert not alerts_to("late@example.net")
    services.confirm(subscription)
    publish(policing_item(tags, title="After confirming"), django_capture_on_commit_callbacks)
    [alert] = alerts_to("late@example.net")
    assert "After confirming" in alert.body and "Before confirming" not in alert.body


def test_confirmation_links_expire_after_seven_days(client, tags, clock):
    subscription = subscribed("slow@example.net", confirmed=False)
    url = f"/alerts/confirm/{tokens.confirm_token(subscription)}/"
    assert client.get(url).status_code == 200
    clock.advance(8 * 24 * 3600)
    response = client.get(url)
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert client.post(url).status_code in (400, 403)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(tags, clock):
    subscribed("never@example.net", confirmed=False)
    subscribed("kept@example.net")
    assert services.purge_unconfirmed() == 0
    clock.advance(8 * 24 * 3600)
    assert schedule.tick()["purged"] == 1
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["kept@example.net"]


def test_forged_and_altered_links_are_refused(client, tags):
    subscription = subscribed("forged@example.net")
    good = tokens.manage_token(subscription)
    for token in (good[:-2] + "xx", "garbage", tokens.confirm_token(subscription)):
        assert client.get(f"/alerts/manage/{token}/").status_code == 400
        assert client.post(f"/alerts/unsubscribe/{token}/").status_code == 400
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_rate_limits_per_address_and_per_client(tags, settings):
    settings.ALERTS_RATE_PER_ADDRESS = 2
    settings.ALERTS_RATE_PER_CLIENT = 4
    client = Client()
    assert subscribe_page(client, "busy@example.net").status_code == 200
    assert subscribe_page(client, "busy@example.net").status_code == 200
    limited = subscribe_page(client, "busy@example.net")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "Too many requests" in limited.content.decode()
    assert subscribe_page(client, "other@example.net").status_code == 200
    # Four requests spent from this client: a fifth address is refused too.
    assert subscribe_page(client, "fifth@example.net").status_code == 429
    assert not Subscriber.objects.filter(email="fifth@example.net").exists()
    another_client = Client(REMOTE_ADDR="192.0.2.7")
    assert subscribe_page(another_client, "fifth@example.net").status_code == 200
