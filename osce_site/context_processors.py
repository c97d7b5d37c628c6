"""Site-wide template variables.

Absolute URLs (canonical links, Open Graph) are built from the configured `SITE_URL`, never
from the request's Host header, which a client controls.
"""

from django.conf import settings
from django.utils.encoding import escape_uri_path

from core.languages import local_path
from core.text import site_name


def site(request):
    """`canonical_url` defaults to this page without its query string; views that serve
    one resource under several query strings (filters, pages) override it in their context."""
    return {
        "SITE_URL": settings.SITE_URL,
        "SITE_NAME": site_name(),
        "canonical_url": settings.SITE_URL + escape_uri_path(local_path(request.path)),
    }
