"""Alert mails written as bytes, each distinct mail rendered once per batch.

Why not `EmailMultiAlternatives.message()`: building every mail through Python's `email`
package (header objects parsed and folded again for each recipient, the policy's content
managers) was ~40% of a digest mail's time at 100,000 subscriptions (bench/alerts.py), and
rendering the templates for each recipient most of the rest. The followers of one filter who
are owed the same items get the same mail but for their own links, so a batch (`Composer`)
renders each distinct (filter, frequency, items) mail once — subject, text and HTML with
markers where a subscriber's links go — and writes each recipient's message from it: the
per-recipient headers (To, Date, Message-ID, List-Unsubscribe) and the links substituted into
bodies that `binascii` encodes as quoted-printable.

What is written is what `email.policy.SMTP` would write: header values that are not ASCII
(the subject, the display name) are folded and encoded by the policy (RFC 2047), once per
distinct mail or language; the per-recipient headers are ASCII by construction. The tests
read the bytes back with `email.parser.BytesParser(policy=email.policy.default)`.
"""

import binascii
import email.policy
import email.utils
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from core.text import site_name

from . import tokens
from .filters import describe

POLICY = email.policy.SMTP
CRLF = b"\r\n"
# Where a recipient's links go in a rendered mail (plain ASCII words: neither HTML escaping
# nor quoted-printable changes them, and no text of an item can hold them by chance).
MARKERS = {
    "manage_url": "alertlinkmanage0c41f",
    "unsubscribe_url": "alertlinkunsubscribe0c41f",
    "address_url": "alertlinkaddress0c41f",
}
TOKEN = "alerttoken0c41f"


def absolute(path):
    return settings.SITE_URL + path


def header(name, value):
    """`Name: value` folded and encoded as the SMTP policy writes it (RFC 2047 for text that
    is not ASCII); for the headers shared by many mails."""
    return POLICY.fold_binary(*POLICY.header_store_parse(name, value))


def ascii_header(name, value):
    """A header whose value is ASCII by construction (addresses, links, ids). Not folded: a
    link has no whitespace to fold at, and the policy leaves such a line whole too (RFC 5322
    allows 998 characters)."""
    return f"{name}: {value}".encode("ascii") + CRLF


def sender_address():
    """The address part of `DEFAULT_FROM_EMAIL` (which may carry a name of its own): the
    mails are signed with the site's name in the subscriber's language."""
    return email.utils.parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL


class UnwritableAddress(ValueError):
    """An address no mail header can hold (never sendable)."""


def address_for_header(address):
    """The address with its domain in IDNA (as Django's backends send it); a local part that
    is not ASCII cannot be sent without SMTPUTF8 and is refused here, as by Django's SMTP
    backend."""
    local, _at, domain = address.rpartition("@")
    try:
        value = f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        raise UnwritableAddress(address) from None
    if not value.isascii() or any(char in value for char in "\r\n<>,\"' "):
        raise UnwritableAddress(address)
    return value


def quoted_printable(text):
    """UTF-8 text as quoted-printable lines ending in CRLF (RFC 2045: at most 76 characters)."""
    encoded = binascii.b2a_qp(text.encode("utf-8"))
    return encoded.replace(b"\r\n", b"\n").replace(b"\n", CRLF)


class RawMessage:
    """What `EmailMessage.message()` returns to a backend, for a mail already written:
    the SMTP backend sends `as_bytes()`, the console and file backends print it."""

    def __init__(self, raw):
        self.raw = raw

    def as_bytes(self, *args, **kwargs):
        return self.raw

    def as_string(self, *args, **kwargs):
        return self.raw.decode("ascii")

    def get_charset(self):
        return None


class AlertMessage(EmailMultiAlternatives):
    """An alert for Django's e-mail backends: its bytes were written by the `Composer`; the
    usual attributes (subject, body, alternatives, headers) say the same for backends and
    tests that read them."""

    def __init__(self, raw, **kwargs):
        super().__init__(**kwargs)
        self.raw = raw

    def message(self, *, policy=None):
        return RawMessage(self.raw)


@dataclass
class Rendered:
    """One distinct mail, with markers for the recipient's links."""

    subject: str
    text: str
    html: str
    shared_headers: bytes  # From, Subject and the list headers
    boundary: str


class Composer:
    """Writes a batch's alert mails: each distinct mail rendered once, each language's
    headers and link patterns made once."""

    def __init__(self):
        self.descriptions = {}
        self.rendered = {}
        self.link_patterns = {}

    # Per language --------------------------------------------------------------------------

    def links(self, language):
        """The manage, unsubscribe and address URLs of `language` with `TOKEN` for the token
        (reversing a URL per recipient was a noticeable part of a mail's time)."""
        if language not in self.link_patterns:
            with translation.override(language):
                self.link_patterns[language] = {
                    "manage_url": absolute(reverse("alerts:manage", args=[TOKEN])),
                    "unsubscribe_url": absolute(reverse("alerts:unsubscribe", args=[TOKEN])),
                    "address_url": absolute(reverse("alerts:address", args=[TOKEN])),
                }
        return self.link_patterns[language]

    def recipient_links(self, subscription):
        patterns = self.links(subscription.filter.language)
        manage = tokens.manage_token(subscription)
        address = tokens.address_token(subscription.subscriber)
        return {
            "manage_url": patterns["manage_url"].replace(TOKEN, manage),
            "unsubscribe_url": patterns["unsubscribe_url"].replace(TOKEN, manage),
            "address_url": patterns["address_url"].replace(TOKEN, address),
        }

    def description(self, alert_filter):
        if alert_filter.pk not in self.descriptions:
            self.descriptions[alert_filter.pk] = describe(
                alert_filter.listing, alert_filter.language, alert_filter.query
            )
        return self.descriptions[alert_filter.pk]

    # Per distinct mail ---------------------------------------------------------------------

    def render(self, subscription, items):
        alert_filter = subscription.filter
        key = (alert_filter.pk, subscription.frequency, tuple(item["url"] for item in items))
        if key not in self.rendered:
            self.rendered[key] = self._render(subscription, items)
        return self.rendered[key]

    def _render(self, subscription, items):
        language = subscription.filter.language
        with translation.override(language):
            description = self.description(subscription.filter)
            name = site_name()
            if len(items) == 1:
                subject = gettext("%(site)s alert: %(title)s") % {
                    "site": name,
                    "title": items[0]["title"],
                }
            else:
                subject = ngettext(
                    "%(site)s alert: %(count)d new item – %(filter)s",
                    "%(site)s alert: %(count)d new items – %(filter)s",
                    len(items),
                ) % {"site": name, "count": len(items), "filter": description}
            subject = " ".join(subject.split())
            context = {
                "items": items,
                "description": description,
                "frequency": subscription.get_frequency_display(),
                "site_name": name,
                "site_url": settings.SITE_URL,
                "LANGUAGE_CODE": language,
                **MARKERS,
            }
            text = render_to_string("alerts/mail/alert.txt", context)
            html = render_to_string("alerts/mail/alert.html", context)
            host = settings.SITE_URL.split("//")[-1]
            shared = b"".join(
                [
                    header("From", f"{name} <{sender_address()}>"),
                    header("Subject", subject),
                    b"MIME-Version: 1.0\r\n",
                    # RFC 8058: mail clients offer "unsubscribe", and POST to it.
                    b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
                    header("List-Id", f"{name} alerts <alerts.{host}>"),
                    header("Content-Language", language),
                    b"Auto-Submitted: auto-generated\r\n",
                ]
            )
        # "=" never appears in quoted-printable text unescaped, so no body holds the boundary.
        boundary = f"==alert-{uuid.uuid4().hex}=="
        return Rendered(subject, text, html, shared, boundary)

    # Per recipient -------------------------------------------------------------------------

    def message(self, subscription, items):
        """The alert for `subscription` listing `items` (entries, newest first)."""
        rendered = self.render(subscription, items)
        links = self.recipient_links(subscription)
        text, html = rendered.text, rendered.html
        for name, marker in MARKERS.items():
            text = text.replace(marker, links[name])
            html = html.replace(marker, escape(links[name]))
        address = subscription.subscriber.email
        boundary = rendered.boundary.encode("ascii")
        raw = b"".join(
            [
                rendered.shared_headers,
                ascii_header("To", address_for_header(address)),
                ascii_header("Date", email.utils.formatdate(usegmt=True)),
                ascii_header("Message-ID", email.utils.make_msgid(domain=DNS_NAME)),
                ascii_header("List-Unsubscribe", f"<{links['unsubscribe_url']}>"),
                b'Content-Type: multipart/alternative; boundary="' + boundary + b'"\r\n',
                CRLF,
                b"--" + boundary + CRLF,
                b'Content-Type: text/plain; charset="utf-8"\r\n',
                b"Content-Transfer-Encoding: quoted-printable\r\n",
                CRLF,
                quoted_printable(text),
                CRLF,
                b"--" + boundary + CRLF,
                b'Content-Type: text/html; charset="utf-8"\r\n',
                b"Content-Transfer-Encoding: quoted-printable\r\n",
                CRLF,
                quoted_printable(html),
                CRLF,
                b"--" + boundary + b"--" + CRLF,
            ]
        )
        language = subscription.filter.language
        return AlertMessage(
            raw,
            subject=rendered.subject,
            body=text,
            to=[address],
            alternatives=[(html, "text/html")],
            headers={
                "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": language,
                "Auto-Submitted": "auto-generated",
            },
        )
