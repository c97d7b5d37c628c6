"""What the clock starts (`manage.py alerts_tick`, every minute: cron in production, a loop
beside the worker under `./run serve`):

- the sweep: items that became visible without a save (a scheduled moment) or whose task was
  lost are matched (alerts.matching.sweep);
- retries: alerts whose rows are due again after a failure (any frequency), and immediate ones
  owed for more than `STALE` without a mail (a lost task), are enqueued again;
- digests: once per day after `ALERTS_DIGEST_HOUR` (local time), once per ISO week from
  `ALERTS_WEEKLY_DAY` on; `DigestRun` makes sure each period runs once;
- unconfirmed subscriptions older than seven days are deleted.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from . import matching, services, tasks
from .models import DigestRun, Frequency, Outbox, OutboxStatus

STALE = datetime.timedelta(minutes=5)


def digest_periods(now):
    """{frequency: period} of the digests due at `now` (local time)."""
    local = timezone.localtime(now)
    due = {}
    if local.hour >= getattr(settings, "ALERTS_DIGEST_HOUR", 7):
        due[Frequency.DAILY] = local.date().isoformat()
        if local.weekday() >= getattr(settings, "ALERTS_WEEKLY_DAY", 0):
            year, week, _day = local.isocalendar()
            due[Frequency.WEEKLY] = f"{year}-W{week:02d}"
    return due


def start_digests(now):
    started = []
    for frequency, period in digest_periods(now).items():
        # The run's row and its task are stored together: a period is started exactly once.
        try:
            with transaction.atomic():
                DigestRun.objects.create(frequency=frequency, period=period)
                tasks.run_digest.enqueue(frequency)
        except IntegrityError:
            continue
        started.append(frequency)
    return started


def retry_due(now):
    """Rows due again after a failure, whatever their frequency (a digest that failed is
    sent when its backoff ends, not a period later), and immediate rows owed for longer than
    `STALE` without a mail (a lost task)."""
    rows = Outbox.objects.filter(
        status=OutboxStatus.PENDING,
        subscription__confirmed_at__isnull=False,
        subscription__subscriber__suspended_at__isnull=True,
    ).filter(
        Q(next_attempt_at__lte=now)
        | Q(
            next_attempt_at__isnull=True,
            created_at__lt=now - STALE,
            subscription__frequency=Frequency.IMMEDIATE,
        )
    )
    owed = sorted(set(rows.values_list("subscription_id", flat=True)))
    tasks.enqueue_sending(owed)
    return owed


def _sweep(now):
    owed = matching.sweep(now)
    tasks.enqueue_sending(owed)
    return owed


def tick(now=None):
    now = now or timezone.now()
    return {
        "matched": len(_sweep(now)),
        "retried": len(retry_due(now)),
        "digests": start_digests(now),
        "purged": services.purge_unconfirmed(now),
    }
