"""The client address is the one the front proxy saw: X-Forwarded-For is believed only from
TRUSTED_PROXIES, read from the right, and the same address reaches the access and audit logs."""

import json
import logging

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse

from core.client_ip import client_address, client_ip
from core.publishing import Status
from osce_site.logging import JsonFormatter
from tests.factories import NewsItemFactory
from tests.news.admin.helpers import REASON

PROXY = "127.0.0.1"


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "expected"),
    [
        # No proxy: the peer itself.
        ("203.0.113.5", "", "203.0.113.5"),
        # The front proxy appended the address it saw.
        (PROXY, "203.0.113.5", "203.0.113.5"),
        ("::1", "2001:db8::7", "2001:db8::7"),
        # Whatever the client wrote to the left of the proxy's entry is never read.
        (PROXY, "10.0.0.1, 203.0.113.5", "203.0.113.5"),
        # Anyone else's header is ignored.
        ("198.51.100.7", "203.0.113.5", "198.51.100.7"),
        # A trusted proxy passing on garbage is the last address known.
        (PROXY, "not-an-address", PROXY),
        (PROXY, "", PROXY),
    ],
)
def test_client_address(peer, forwarded_for, expected):
    assert client_address(peer, forwarded_for) == expected


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
def test_trusted_proxies_are_networks_and_chains_are_followed():
    assert client_address("10.0.0.10", "203.0.113.5, 10.0.0.3") == "203.0.113.5"
    assert client_address("::ffff:10.0.0.10", "203.0.113.5") == "203.0.113.5"
    # 127.0.0.1 is no longer trusted once the setting names only the proxies' network.
    assert client_address("127.0.0.1", "203.0.113.5") == "127.0.0.1"


def test_client_ip_reads_the_request():
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_ip(request) == "203.0.113.5"


def gunicorn_access_record(peer, forwarded_for):
    atoms = {
        "m": "GET",
        "U": "/",
        "q": "",
        "s": "200",
        "B": 10,
        "D": 1500,
        "h": peer,
        "a": "curl",
        "{x-forwarded-for}i": forwarded_for,
    }
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "-", (), None)
    record.args = atoms
    return record


def test_the_access_log_records_the_client_not_the_proxy():
    entry = json.loads(JsonFormatter().format(gunicorn_access_record(PROXY, "203.0.113.5")))
    assert entry["remote"] == "203.0.113.5"
    entry = json.loads(JsonFormatter().format(gunicorn_access_record("198.51.100.7", "1.2.3.4")))
    assert entry["remote"] == "198.51.100.7"


@pytest.mark.django_db
def test_audit_lines_record_the_client_address(client, publisher, caplog):
    caplog.set_level(logging.INFO, logger="osce.audit")
    client.force_login(publisher)
    item = NewsItemFactory(status=Status.DRAFT)
    client.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": "publish_selected", **REASON, "_selected_action": [item.pk]},
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    lines = [r.getMessage() for r in caplog.records if r.name == "osce.audit"]
    assert lines and lines[-1].startswith("event=publish")
    assert lines[-1].endswith(" ip=203.0.113.5")
