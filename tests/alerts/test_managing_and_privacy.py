"""Managing alerts and privacy: the manage and address pages, one-click unsubscribe, export and
delete, addresses never logged, the admin's counts, the forms in every language."""

import pytest
from django.core import mail
from django.test import Client

from alerts import services, tokens
from alerts.models import (
    Frequency,
    Listing,
    MatchedItem,
    Subscriber,
    Subscription,
)
from tests.alerts.helpers import policing_item, publish, subscribe_page, subscribed

pytestmark = pytest.mark.django_db


def test_manage_link_changes_the_frequency_and_unsubscribes(tags):
    subscription = subscribed("manage@example.net", "field_of_work=policing")
    client = Client()
    url = f"/alerts/manage/{tokens.manage_token(subscription)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"
    assert client.post(url, {"frequency": "weekly"}).status_code == 200
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.WEEKLY
    assert client.post(url, {"frequency": "hourly"}).status_code == 200
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.WEEKLY
    assert client.post(url, {"unsubscribe": "1"}).status_code == 200
    assert not Subscription.objects.exists() and not Subscriber.objects.exists()
    assert client.get(url).status_code == 400


def test_the_address_page_lists_every_confirmed_subscription(client, tags):
    first = subscribed("many@example.net", "field_of_work=policing")
    subscribed("many@example.net", "country=serbia", frequency=Frequency.WEEKLY)
    subscribed("many@example.net", "type=ministerial-council", listing=Listing.MEETINGS)
    subscribed("many@example.net", "country=albania", confirmed=False)
    subscribed("someone.else@example.net", "field_of_work=elections")
    body = client.get(f"/alerts/address/{tokens.address_token(first.subscriber)}/").content.decode()
    assert "News in Policing" in body and "News from Serbia" in body
    assert "Meetings and conferences of the series Ministerial Council" in body
    assert "from Albania" not in body and "in Elections" not in body
    assert "many@example.net" not in body


def test_unsubscribe_get_asks_first(client, tags):
    subscription = subscribed("ask@example.net")
    url = f"/alerts/unsubscribe/{tokens.manage_token(subscription)}/"
    assert client.get(url).status_code == 200
    assert Subscription.objects.exists()
    assert client.post(url).status_code == 200
    assert not Subscription.objects.exists()
    # Twice is still done.
    assert client.post(url).status_code == 200


# Privacy -----------------------------------------------------------------------------------


def test_export_and_delete_commands(tags, capsys):
    from django.core.management import call_command

    subscribed("Person@Example.net", "field_of_work=policing")
    subscribed("other@example.net", "field_of_work=policing")
    call_command("alerts_export", "person@example.net")
    exported = capsys.readouterr().out
    assert '"email": "person@example.net"' in exported
    assert "News in Policing" in exported
    call_command("alerts_delete", "PERSON@example.net")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["other@example.net"]


def test_addresses_are_never_logged(tags, caplog, django_capture_on_commit_callbacks):
    caplog.set_level("DEBUG")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe_page(Client(), "secret.person@example.net", frequency="immediate")
    subscription = Subscription.objects.get()
    services.confirm(subscription)
    publish(policing_item(tags), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert "secret.person" not in caplog.text


def test_admin_shows_counts_to_publishers_and_nothing_to_editors(client, tags, publisher, editor):
    subscribed("a@example.net", "field_of_work=policing")
    subscribed("b@example.net", "field_of_work=policing")
    subscribed("c@example.net", "field_of_work=policing", confirmed=False)
    client.force_login(publisher)
    page = client.get("/admin/alerts/alertfilter/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "News in Policing" in body
    assert (
        "a@example.net" not in body
        and "subscriber" not in client.get("/admin/").content.decode().lower()
    )
    client.force_login(editor)
    assert client.get("/admin/alerts/alertfilter/").status_code == 403
    assert MatchedItem.objects.count() == 0


def test_forms_take_posts_in_every_language_and_nothing_else_does(tags):
    client = Client()
    german = subscribe_page(client, "deutsch@example.net")
    assert german.status_code == 200
    response = client.post("/de/alerts/news/", {"email": "x@example.net"})
    assert response.status_code == 200
    assert client.post("/de/news/", {"email": "x@example.net"}).status_code == 405
    assert client.post("/news/").status_code == 405


def test_listings_link_to_their_alerts_and_the_form_defaults_to_the_pages_language(client, tags):
    meetings = client.get("/meetings/?type=ministerial-council&type=nope").content.decode()
    assert 'href="/alerts/meetings/?type=ministerial-council"' in meetings
    german = client.get("/de/alerts/news/?field_of_work=policing").content.decode()
    assert '<option value="de" selected>' in german
    assert "Nachrichten" in german  # the filter in the page's words
