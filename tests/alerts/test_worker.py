"""The production path: tasks stored by the django-tasks-db backend and run by `db_worker`
(the other tests run tasks at once with the immediate backend)."""

import pytest
from django.core import mail
from django.core.management import call_command

from alerts.models import Subscription
from core.publishing import Status
from news import services as news_services
from tests.alerts.helpers import subscribed
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_db_worker_sends_confirmations_and_alerts(tags, database_tasks):
    from django_tasks_db.models import DBTaskResult

    subscription = subscribed("worker@example.net", "field_of_work=policing", confirmed=False)
    # Enqueued at the commit, stored, not run.
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []
    run_worker()
    [confirmation] = mail.outbox
    assert "/alerts/confirm/" in confirmation.body

    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=subscription.created_at)
    item = NewsItemFactory(
        title="Worker policing news", status=Status.DRAFT, fields_of_work=[tags["policing"]]
    )
    news_services.publish(item)
    assert len(mail.outbox) == 1
    run_worker()  # matches the item and enqueues the sending
    run_worker()  # sends
    assert len(mail.outbox) == 2
    assert "Worker policing news" in mail.outbox[1].body
    run_worker()
    assert len(mail.outbox) == 2
