"""A query that runs too long in a web request is cancelled and answered with the 503 page."""

import pytest
from django.db import OperationalError, connection, transaction
from django.db.backends.signals import connection_created

from osce_site.db_errors import is_database_unavailable
from osce_site.statement_timeout import limit_web_statements

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="statement timeouts are PostgreSQL's"
    ),
]


@pytest.fixture
def web_connection(settings):
    """The test's connection as the web server opens one (the setting is local to the test's
    transaction, which is rolled back after it)."""
    settings.STATEMENT_TIMEOUT_MS = 200
    limit_web_statements()
    connection_created.send(sender=type(connection), connection=connection)
    yield connection
    connection_created.disconnect(dispatch_uid="osce-statement-timeout")


def test_a_slow_statement_is_cancelled_as_an_outage(web_connection):
    with pytest.raises(OperationalError) as cancelled, transaction.atomic():
        with web_connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")
    assert is_database_unavailable(cancelled.value)


def test_fast_statements_are_untouched(web_connection):
    with web_connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("200ms",)
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
