"""The ceiling: Django answering a fixed HttpResponse, no middleware, no database.

Served by the same gunicorn configuration as the site (`GUNICORN_WSGI_APP=bench.bare_app:
application`), so the ratio site/bare measures what the site's own work costs.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-app-not-secret",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
)

BODY = b"<!doctype html><title>bare</title><p>Hello from Django.</p>"


def hello(request):
    return HttpResponse(BODY)


urlpatterns = [path("", hello), path("<path:anything>", hello)]

application = get_wsgi_application()
