"""The read-replica router, with `replica` a test mirror of `default` (replica_settings).

Not collected by the main run (the settings differ): test_replica_router.py runs this file in
a subprocess. Tests are transactional so rows committed on `default` are visible through the
mirror's own connection, as they would be on a real replica.
"""

import contextvars

import pytest
from django.db import connections, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from news.models import NewsItem
from osce_site import db_router
from tests.factories import NewsItemFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


def fresh(read):
    """`read()` as at the start of a request or command: in a new context, where nothing has
    pinned reads to the primary yet (creating test data writes, which pins this thread)."""
    return contextvars.Context().run(read)


def reads_through_the_middleware(request):
    """Where a read made while serving `request` goes."""
    return db_router.ReplicaPinMiddleware(lambda request: NewsItem.objects.all().db)(request)


def news_reads(alias, run):
    with CaptureQueriesContext(connections[alias]) as queries:
        run()
    return [q["sql"] for q in queries if "news_newsitem" in q["sql"] and "SELECT" in q["sql"]]


def test_settings_have_a_replica_mirror():
    assert connections["replica"].settings_dict["TEST"]["MIRROR"] == "default"


def test_a_visitors_page_view_reads_from_the_replica():
    NewsItemFactory(title="Read from the replica", slug="replica-item")
    client = Client()
    replica_reads = news_reads("replica", lambda: client.get("/news/replica-item/"))
    primary_reads = news_reads("default", lambda: client.get("/news/replica-item/"))
    assert replica_reads
    assert not primary_reads
    assert "Read from the replica" in client.get("/news/replica-item/").content.decode()


def test_plain_reads_go_to_the_replica_and_writes_to_the_primary():
    assert fresh(lambda: NewsItem.objects.all().db) == "replica"
    item = NewsItemFactory()
    assert item._state.db == "default"


def test_reads_after_a_write_stay_on_the_primary():
    NewsItemFactory()
    assert NewsItem.objects.all().db == "default"


def test_reads_inside_a_transaction_go_to_the_primary():
    with transaction.atomic():
        assert fresh(lambda: NewsItem.objects.all().db) == "default"
    assert fresh(lambda: NewsItem.objects.all().db) == "replica"


def test_editors_and_the_admin_read_from_the_primary():
    NewsItemFactory(slug="admin-item")
    user = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    assert not news_reads("replica", lambda: client.get("/news/admin-item/"))
    assert not news_reads("replica", lambda: client.get("/admin/news/newsitem/"))


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_anything_but_a_page_view_reads_from_the_primary(method):
    request = getattr(RequestFactory(), method)("/news/")
    assert reads_through_the_middleware(request) == "default"
    assert reads_through_the_middleware(RequestFactory().get("/news/")) == "replica"


def test_page_views_read_from_the_primary_just_after_a_content_change(settings):
    settings.REPLICA_LAG_SECONDS = 60
    NewsItemFactory(slug="fresh")
    assert not news_reads("replica", lambda: Client().get("/news/fresh/"))


def test_migrations_run_on_the_primary_only():
    router = db_router.ReplicaRouter()
    assert router.allow_migrate("default", "news")
    assert not router.allow_migrate("replica", "news")
