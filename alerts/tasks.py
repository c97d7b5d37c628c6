"""Background tasks (django.tasks; the django-tasks-db backend in development and production,
run by `manage.py db_worker`; the immediate backend in tests). Arguments are ids only: an
address never enters the task table."""

from django.tasks import task

from . import matching, sending

# Subscriptions per `send_mails` task: one SMTP connection each.
SEND_CHUNK = 500


@task
def send_notice(subscription_id, kind):
    """The confirmation mail, or the note to an address already subscribed."""
    return sending.send_notice(subscription_id, kind)


def enqueue_sending(subscription_ids):
    """`send_mails` in chunks that several workers can send side by side."""
    for start in range(0, len(subscription_ids), SEND_CHUNK):
        send_mails.enqueue(list(subscription_ids[start : start + SEND_CHUNK]))


@task
def match_item(listing, item_id):
    """An item was published: owe it to the subscriptions of the filters it matches, and
    send the immediate alerts."""
    owed = matching.match(listing, [item_id])
    enqueue_sending(owed)
    return len(owed)


@task
def send_mails(subscription_ids):
    """Send what the outbox owes these subscriptions (immediate alerts, digests, retries)."""
    return sending.send(subscription_ids)


@task
def run_digest(frequency):
    """A daily or weekly digest: every subscription of that frequency owed mail, in chunks
    that several workers can send side by side."""
    owed = sending.owed_subscriptions(frequency)
    enqueue_sending(owed)
    return len(owed)
