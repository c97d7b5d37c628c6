"""Alert mails written as bytes (alerts.composing): what a mail reader parses back from them —
a Russian subject and display name (RFC 2047), the list headers (RFC 2369, RFC 8058), text
and HTML parts with each recipient's own links — and each distinct mail rendered once."""

import email.policy
from email.parser import BytesParser

import pytest

from alerts import composing, matching, sending
from alerts.models import Listing
from core.publishing import Status
from tests.alerts.conftest import html_part, text_part
from tests.alerts.helpers import policing_item, subscribed

pytestmark = pytest.mark.django_db


def parse(raw):
    return BytesParser(policy=email.policy.default).parsebytes(raw)


def russian_item(tags):
    return policing_item(
        tags,
        status=Status.PUBLISHED,
        title="English title",
        title_ru="Реформа полиции в Сербии",
        teaser_ru="Обучение общественной полиции «под ключ» = 100% готово.",
        in_language_ru=True,
    )


def test_a_russian_alert_survives_a_real_parse(smtp, tags):
    subscription = subscribed("reader@example.net", "field_of_work=policing", language="ru")
    item = russian_item(tags)
    matching.match(Listing.NEWS, [item.pk])
    assert sending.send([subscription.pk]) == 1
    [received] = smtp.to("reader@example.net")
    assert received["Subject"] == "Оповещение ОБСЕ: Реформа полиции в Сербии"
    assert received["From"].addresses[0].display_name == "ОБСЕ"
    assert received["From"].addresses[0].addr_spec == "alerts@example.org"
    assert received["Content-Language"] == "ru"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert received["List-Unsubscribe"].startswith(
        "<https://www.example.org/ru/alerts/unsubscribe/"
    )
    assert received["Message-ID"] and received["Date"].datetime is not None
    assert received.get_content_type() == "multipart/alternative"
    text, html = text_part(received), html_part(received)
    assert "Реформа полиции в Сербии" in text and "Реформа полиции в Сербии" in html
    assert "«под ключ» = 100% готово." in text
    assert "https://www.example.org/ru/news/" + item.slug + "/" in text
    assert received["List-Unsubscribe"][1:-1] in text
    assert not [defect for part in received.walk() for defect in part.defects]


def test_the_raw_bytes_are_ascii_with_short_lines(tags):
    subscription = subscribed("reader@example.net", "field_of_work=policing", language="ru")
    item = russian_item(tags)
    entries = sending.entries(Listing.NEWS, [item.pk], "ru")
    message = composing.Composer().message(subscription, list(entries.values()))
    raw = message.message().as_bytes()
    assert raw.isascii()
    head, _blank, body = raw.partition(b"\r\n\r\n")
    assert all(len(line) <= 78 for line in body.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert parse(raw)["To"] == "reader@example.net"


def test_followers_of_one_filter_share_one_rendering_with_their_own_links(tags, monkeypatch):
    subscriptions = [
        subscribed(f"reader{n}@example.net", "field_of_work=policing") for n in range(5)
    ]
    item = policing_item(tags, status=Status.PUBLISHED, title="For everyone")
    matching.match(Listing.NEWS, [item.pk])
    renders = []
    original = composing.Composer._render

    def counting(self, subscription, items):
        renders.append(subscription.pk)
        return original(self, subscription, items)

    monkeypatch.setattr(composing.Composer, "_render", counting)
    from django.core import mail

    assert sending.send([s.pk for s in subscriptions]) == 5
    assert len(renders) == 1
    unsubscribe_links = {message.extra_headers["List-Unsubscribe"] for message in mail.outbox}
    assert len(unsubscribe_links) == 5
    for message in mail.outbox:
        parsed = parse(message.message().as_bytes())
        assert parsed["To"] == message.to[0]
        assert parsed["List-Unsubscribe"] == message.extra_headers["List-Unsubscribe"]
        assert parsed["List-Unsubscribe"][1:-1] in text_part(parsed)
        assert parsed["List-Unsubscribe"][1:-1] in html_part(parsed)


def test_an_address_no_header_can_hold_is_refused():
    with pytest.raises(composing.UnwritableAddress):
        composing.address_for_header("a\r\nBcc: x@example.org")
    assert composing.address_for_header("a@bücher.example") == "a@xn--bcher-kva.example"


def test_a_sender_with_a_name_of_its_own_is_signed_with_the_sites(tags, settings):
    settings.DEFAULT_FROM_EMAIL = "Alerts desk <desk@example.org>"
    subscription = subscribed("reader@example.net", "field_of_work=policing", language="de")
    item = policing_item(tags, status=Status.PUBLISHED, title_de="Auf Deutsch", in_language_de=True)
    entries = sending.entries(Listing.NEWS, [item.pk], "de")
    raw = composing.Composer().message(subscription, list(entries.values())).message().as_bytes()
    sender = parse(raw)["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("OSZE", "desk@example.org")
