"""Sending what the outbox owes, through Django's e-mail backend (SMTP in production).

`send(subscription_ids)` sends each subscription one mail with its pending, due rows whose
items are visible, in its language, at the moment the mail is built — never a draft, never an
item unpublished (or taken out of that language) since it was matched; such rows stay pending
and go out if the item comes back. After each mail its rows are marked sent at once, so a
worker killed mid-batch and restarted sends what was not sent and nothing twice. (The one
window left is between the SMTP server accepting a mail and that UPDATE, a few milliseconds;
SMTP offers no way to make it atomic.)

Two workers never send the same subscription's rows: a batch first claims its subscriptions
(`claim`, `claimed_until`) in one UPDATE, and a claim left by a killed worker runs out after
`CLAIM_SECONDS`.

Failures: a refused recipient with a 5xx code is a hard bounce (counted on the subscriber;
`ALERTS_BOUNCE_LIMIT` of them suspend the address: nothing is owed or sent to it until it
confirms a subscription again); any other failure is retried with exponential backoff
(`retry_delay`), and a row is given up after `ALERTS_MAX_ATTEMPTS`. A lost connection stops
the batch: its unsent subscriptions are released and retried by the next tick.

Addresses are never logged: log lines name subscription ids.
"""

import datetime
import logging
import smtplib
import uuid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection as database
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from core import languages
from core.text import site_name
from news.models import Meeting, NewsItem

from . import tokens
from .filters import describe
from .models import Listing, Outbox, OutboxStatus, Subscriber, Subscription

logger = logging.getLogger("osce.alerts")

CLAIM_SECONDS = 600


def _setting(name, default):
    return getattr(settings, name, default)


def retry_delay(attempts):
    """1, 2, 4, ... minutes, at most six hours."""
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def absolute(path):
    return settings.SITE_URL + path


# What a mail shows of an item ------------------------------------------------------------


def _news_entries(ids, language):
    items = (
        NewsItem.objects.published()
        .in_language(language)
        .filter(pk__in=ids)
        .prefetch_related("issuers__structure")
    )
    return {
        item.pk: {
            "title": item.title,
            "date": date_format(item.issued_on, "DATE_FORMAT"),
            "issuers": ", ".join(str(structure.name_in_text) for structure in item.ordered_issuers),
            "teaser": item.teaser,
            "url": absolute(item.get_absolute_url()),
            "order": (item.issued_on, item.pk),
        }
        for item in items
    }


def _meeting_entries(ids, language):
    meetings = (
        Meeting.objects.published()
        .filter(pk__in=ids)
        .exclude(**{languages.column("title", language): ""})
        .exclude(**{f"{languages.column('title', language)}__isnull": True})
        .select_related("organiser", "meeting_type")
    )
    entries = {}
    for meeting in meetings:
        if meeting.start_date == meeting.end_date:
            when = date_format(meeting.start_date, "DATE_FORMAT")
        else:
            when = "{} – {}".format(
                date_format(meeting.start_date, "DATE_FORMAT"),
                date_format(meeting.end_date, "DATE_FORMAT"),
            )
        entries[meeting.pk] = {
            "title": meeting.title,
            "date": when,
            "issuers": str(meeting.organiser.name_in_text) if meeting.organiser else "",
            "teaser": " · ".join(
                str(part) for part in (meeting.meeting_type.name, meeting.place) if part
            ),
            "url": absolute(meeting.get_absolute_url()),
            "order": (meeting.start_date, meeting.pk),
        }
    return entries


def entries(listing, ids, language):
    """{item id: what the mail shows} for the `ids` visible now in `language`, written in it,
    with its text and HTML fragments rendered once for every mail of the batch."""
    with translation.override(language):
        found = (_news_entries if listing == Listing.NEWS else _meeting_entries)(ids, language)
        for entry in found.values():
            entry["text"] = render_to_string("alerts/mail/item.txt", {"item": entry})
            entry["html"] = render_to_string("alerts/mail/item.html", {"item": entry})
    return found


# The mail ---------------------------------------------------------------------------------


def _links(subscription):
    token = tokens.manage_token(subscription)
    with translation.override(subscription.filter.language):
        manage = reverse("alerts:manage", args=[token])
        unsubscribe = reverse("alerts:unsubscribe", args=[token])
        address = reverse("alerts:address", args=[tokens.address_token(subscription.subscriber)])
    return absolute(manage), absolute(unsubscribe), absolute(address)


def build_message(subscription, items, descriptions=None):
    """The alert for `subscription` listing `items` (entries, newest first); `descriptions`
    keeps each filter's words for the rest of a batch."""
    alert_filter = subscription.filter
    language = alert_filter.language
    manage_url, unsubscribe_url, address_url = _links(subscription)
    descriptions = {} if descriptions is None else descriptions
    with translation.override(language):
        description = descriptions.get(alert_filter.pk)
        if description is None:
            description = descriptions[alert_filter.pk] = describe(
                alert_filter.listing, language, alert_filter.query
            )
        if len(items) == 1:
            subject = gettext("%(site)s alert: %(title)s") % {
                "site": site_name(),
                "title": items[0]["title"],
            }
        else:
            subject = ngettext(
                "%(site)s alert: %(count)d new item – %(filter)s",
                "%(site)s alert: %(count)d new items – %(filter)s",
                len(items),
            ) % {"site": site_name(), "count": len(items), "filter": description}
        context = {
            "items": items,
            "description": description,
            "frequency": subscription.get_frequency_display(),
            "manage_url": manage_url,
            "unsubscribe_url": unsubscribe_url,
            "address_url": address_url,
            "site_name": site_name(),
            "site_url": settings.SITE_URL,
            "LANGUAGE_CODE": language,
        }
        text = render_to_string("alerts/mail/alert.txt", context)
        html = render_to_string("alerts/mail/alert.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[subscription.subscriber.email],
        headers={
            # RFC 2369 and RFC 8058: mail clients offer "unsubscribe", and POST to it.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{site_name()} alerts <alerts.{settings.SITE_URL.split('//')[-1]}>",
            "Content-Language": language,
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def notice_message(subscription, kind):
    """The mail that answers a subscription request: the confirmation link (`confirm`), or,
    for a subscription already confirmed, a note with the manage link (`already`)."""
    alert_filter = subscription.filter
    language = alert_filter.language
    manage_url, _unsubscribe_url, address_url = _links(subscription)
    with translation.override(language):
        confirm_url = absolute(reverse("alerts:confirm", args=[tokens.confirm_token(subscription)]))
        context = {
            "kind": kind,
            "description": describe(alert_filter.listing, language, alert_filter.query),
            "frequency": subscription.get_frequency_display(),
            "confirm_url": confirm_url,
            "manage_url": manage_url,
            "address_url": address_url,
            "days": tokens.CONFIRM_DAYS,
            "site_name": site_name(),
            "site_url": settings.SITE_URL,
            "LANGUAGE_CODE": language,
        }
        if kind == "confirm":
            subject = gettext("Confirm your %(site)s e-mail alert") % {"site": site_name()}
        else:
            subject = gettext("Your %(site)s e-mail alert") % {"site": site_name()}
        text = render_to_string("alerts/mail/notice.txt", context)
        html = render_to_string("alerts/mail/notice.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[subscription.subscriber.email],
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


def send_notice(subscription_id, kind):
    subscription = (
        Subscription.objects.select_related("subscriber", "filter")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None or (subscription.subscriber.suspended_at and kind != "confirm"):
        return False
    mailers.default.send_messages([notice_message(subscription, kind)])
    logger.info("alert %s mail sent for subscription %s", kind, subscription_id)
    return True


# Sending the outbox -----------------------------------------------------------------------


def _due_rows(now):
    return Outbox.objects.filter(status=OutboxStatus.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def claim(subscription_ids, now):
    token = uuid.uuid4().hex
    Subscription.objects.filter(pk__in=subscription_ids).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    ).update(claim=token, claimed_until=now + datetime.timedelta(seconds=CLAIM_SECONDS))
    return token


def release(subscription_ids):
    Subscription.objects.filter(pk__in=subscription_ids).update(claim="", claimed_until=None)


def send(subscription_ids, now=None, connection=None):
    """Send the mails owed to these subscriptions; returns how many were sent."""
    now = now or timezone.now()
    token = claim(subscription_ids, now)
    subscriptions = list(
        Subscription.objects.filter(
            claim=token,
            confirmed_at__isnull=False,
            subscriber__suspended_at__isnull=True,
        ).select_related("subscriber", "filter")
    )
    claimed = [subscription.pk for subscription in subscriptions]
    # Claimed but not to be sent to (unconfirmed, suspended): let go at once.
    Subscription.objects.filter(claim=token).exclude(pk__in=claimed).update(
        claim="", claimed_until=None
    )
    rows = {}
    for row_id, subscription_id, item_id in (
        _due_rows(now)
        .filter(subscription_id__in=claimed)
        .values_list("pk", "subscription_id", "item_id")
    ):
        rows.setdefault(subscription_id, []).append((row_id, item_id))
    # What each mail shows of an item, once per (listing, language) for the whole batch.
    wanted = {}
    for subscription in subscriptions:
        key = (subscription.filter.listing, subscription.filter.language)
        wanted.setdefault(key, set()).update(item for _row, item in rows.get(subscription.pk, ()))
    shown = {key: entries(key[0], ids, key[1]) if ids else {} for key, ids in wanted.items()}

    connection = connection or mailers.default
    descriptions = {}
    sent = 0
    pending = list(subscriptions)
    try:
        with connection:
            while pending:
                subscription = pending.pop(0)
                key = (subscription.filter.listing, subscription.filter.language)
                sendable = [
                    (row, item) for row, item in rows.get(subscription.pk, ()) if item in shown[key]
                ]
                if not sendable:
                    release([subscription.pk])
                    continue
                items = sorted(
                    (shown[key][item] for _row, item in sendable),
                    key=lambda entry: entry["order"],
                    reverse=True,
                )
                row_ids = [row for row, _item in sendable]
                try:
                    connection.send_messages([build_message(subscription, items, descriptions)])
                except smtplib.SMTPRecipientsRefused as error:
                    codes = [code for code, _text in error.recipients.values()]
                    _failed(subscription, row_ids, now, hard=any(code >= 500 for code in codes))
                    continue
                except smtplib.SMTPServerDisconnected:
                    _failed(subscription, row_ids, now, hard=False)
                    raise
                except smtplib.SMTPException:
                    _failed(subscription, row_ids, now, hard=False)
                    continue
                except OSError:
                    _failed(subscription, row_ids, now, hard=False)
                    raise
                _mark_sent(subscription.pk, row_ids)
                sent += 1
    except (smtplib.SMTPException, OSError):
        logger.warning("alert batch stopped after %s mails: the mail server is unreachable", sent)
        # The rest of the batch is due again after the first backoff (alerts.schedule retries
        # due rows of every frequency, so a digest is not held until its next period).
        Outbox.objects.filter(
            subscription_id__in=[subscription.pk for subscription in pending],
            status=OutboxStatus.PENDING,
        ).update(next_attempt_at=now + retry_delay(1))
    finally:
        if pending:
            release([subscription.pk for subscription in pending])
    if sent:
        logger.info("alerts: %s mails sent", sent)
    return sent


def _mark_sent(subscription_id, row_ids):
    """One transaction per mail, committed before the next mail is sent. On PostgreSQL
    without waiting for the WAL to reach the disk (`synchronous_commit = off`): the commit
    survives the worker dying at once, and is lost only if PostgreSQL itself crashes within a
    fraction of a second, when a few mails would go out again. Waiting for the disk was half
    of a digest's time (bench/alerts.py)."""
    sent_at = timezone.now()
    with transaction.atomic():
        if database.vendor == "postgresql":
            with database.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        Outbox.objects.filter(pk__in=row_ids).update(status=OutboxStatus.SENT, sent_at=sent_at)
        Subscription.objects.filter(pk=subscription_id).update(
            last_sent_at=sent_at, claim="", claimed_until=None
        )


def _failed(subscription, row_ids, now, *, hard):
    limit = _setting("ALERTS_MAX_ATTEMPTS", 8)
    Outbox.objects.filter(pk__in=row_ids).update(attempts=F("attempts") + 1)
    for row in Outbox.objects.filter(pk__in=row_ids).only("pk", "attempts"):
        if row.attempts >= limit:
            Outbox.objects.filter(pk=row.pk).update(status=OutboxStatus.FAILED)
        else:
            Outbox.objects.filter(pk=row.pk).update(next_attempt_at=now + retry_delay(row.attempts))
    if hard:
        Subscriber.objects.filter(pk=subscription.subscriber_id).update(
            hard_bounces=F("hard_bounces") + 1
        )
        Subscriber.objects.filter(
            pk=subscription.subscriber_id,
            hard_bounces__gte=_setting("ALERTS_BOUNCE_LIMIT", 3),
            suspended_at__isnull=True,
        ).update(suspended_at=now)
    release([subscription.pk])
    logger.warning(
        "alert for subscription %s not sent (%s failure)",
        subscription.pk,
        "hard" if hard else "temporary",
    )


def owed_subscriptions(frequency=None, now=None):
    """Subscriptions with rows due now (of one frequency, or all)."""
    rows = _due_rows(now or timezone.now()).filter(
        subscription__confirmed_at__isnull=False,
        subscription__subscriber__suspended_at__isnull=True,
    )
    if frequency:
        rows = rows.filter(subscription__frequency=frequency)
    return sorted(set(rows.values_list("subscription_id", flat=True)))
