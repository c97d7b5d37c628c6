import email
import email.policy
import re
import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingTypeFactory,
    StructureFactory,
)


class Sink:
    """An in-process SMTP server's handler: every accepted message, parsed; optionally
    refuses recipients with a code (a hard bounce is 550)."""

    def __init__(self):
        self.messages = []
        self.refuse = {}
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) on a free local port, and Django's SMTP backend sending
    to it."""
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 10},
        }
    }
    try:
        yield sink
    finally:
        controller.stop()


SMTP  # noqa: B018 - imported so a missing aiosmtpd fails at collection, not in a fixture


def text_part(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message):
    return message.get_body(preferencelist=("html",)).get_content()


def links(text):
    return re.findall(r"https://www\.example\.org/\S+?/(?=\s|$|\")", text)


@pytest.fixture
def tags(db):
    secretariat = StructureFactory(name="Secretariat", slug="secretariat")
    unit = StructureFactory(name="Policing Unit", slug="policing-unit", parent=secretariat)
    return {
        "policing": FieldOfWorkFactory(name="Policing", slug="policing"),
        "elections": FieldOfWorkFactory(name="Elections", slug="elections"),
        "serbia": CountryFactory(name="Serbia", slug="serbia"),
        "albania": CountryFactory(name="Albania", slug="albania"),
        "secretariat": secretariat,
        "unit": unit,
        "council": MeetingTypeFactory(name="Ministerial Council", slug="ministerial-council"),
        "forum": MeetingTypeFactory(name="Economic Forum", slug="economic-forum"),
    }
