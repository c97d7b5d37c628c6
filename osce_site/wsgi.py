"""WSGI entry point for gunicorn; production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osce_site.settings.prod")

application = get_wsgi_application()

from osce_site.statement_timeout import limit_web_statements  # noqa: E402 - needs settings

limit_web_statements()
