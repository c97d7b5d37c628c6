"""When the database is unreachable, visitors get a 503 page in the site's layout.

A PostgreSQL restart or failover drops every open connection: the requests in flight fail with
`OperationalError` or `InterfaceError`. That is not a bug in the page but a short outage, so
the answer is 503 with `Retry-After` (a CDN or browser retries; monitoring sees an outage,
not an error in our code). The next request opens a fresh connection (CONN_HEALTH_CHECKS
drops the dead one), so the site recovers by itself as soon as the database is back.

Two paths lead here: the middleware catches what a view or its template raises; `server_error`
(the project's `handler500`) catches the rest, such as a session saved by middleware after
the view. The page is rendered without the request's context processors and without a
database query, since the database is exactly what is missing.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

from core.text import site_name

logger = logging.getLogger("osce.db")

RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
FALLBACK_BODY = (
    "<!doctype html><title>Service unavailable</title>"
    "<h1>Service unavailable (503)</h1><p>Please try again in a minute.</p>"
)


def is_database_unavailable(exception):
    return isinstance(exception, DATABASE_UNAVAILABLE)


def service_unavailable():
    try:
        body = loader.get_template("503.html").render(
            {"SITE_NAME": site_name(), "SITE_URL": settings.SITE_URL}
        )
    except Exception:
        logger.exception("The 503 page itself failed to render")
        body = FALLBACK_BODY
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Innermost, so it sees exceptions from the view and from rendering its template."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.error(
            "Database unavailable: %s %s answered 503 (%s: %s)",
            request.method,
            request.path,
            type(exception).__name__,
            str(exception).strip().splitlines()[0] if str(exception).strip() else "",
        )
        return service_unavailable()


def server_error(request):
    """`handler500`: a 503 when the failure was the database, the site's 500 page otherwise."""
    if is_database_unavailable(sys.exc_info()[1]):
        return service_unavailable()
    from website.views.site import server_error as site_server_error

    return site_server_error(request)
