"""A bad query plan costs seconds, not workers: web requests run under a statement timeout.

Right after a bulk load or a restore (no planner statistics yet), a listing's SQL once chose
nested loops over 100,000 rows and held each sync worker for 30 s until gunicorn killed it
with a 500. Under `STATEMENT_TIMEOUT_MS` PostgreSQL cancels such a query, psycopg raises
`OperationalError`, and the visitor gets the 503 page (osce_site.db_errors) while the worker
moves on. Only the web server sets it (osce_site.wsgi): migrations, imports and `seed_demo`
legitimately run long statements.
"""

from django.conf import settings
from django.db.backends.signals import connection_created


def _limit(sender, connection, **kwargs):
    milliseconds = int(getattr(settings, "STATEMENT_TIMEOUT_MS", 0) or 0)
    if connection.vendor == "postgresql" and milliseconds > 0:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, false)", [str(milliseconds)])


def limit_web_statements():
    connection_created.connect(_limit, dispatch_uid="osce-statement-timeout")
