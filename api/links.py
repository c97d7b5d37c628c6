"""Absolute URLs in API responses, always from `SITE_URL` and never from the request's Host
(as feeds and sitemaps do): a response is stored by the page cache and may be served to anyone,
so nothing in it may echo what one client sent."""

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse

from core.languages import local_path


def absolute(url):
    """`url` made absolute on the site, unless it is already (a storage's own URL)."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + url


def api_url(name, query=None, **kwargs):
    """An API endpoint's absolute URL in the active language, with `query` (a dict of lists
    or a QueryDict) appended."""
    url = absolute(reverse(f"api:{name}", kwargs=kwargs or None))
    if query:
        params = query if isinstance(query, QueryDict) else _query_dict(query)
        if encoded := params.urlencode():
            url = f"{url}?{encoded}"
    return url


def request_url(request, query):
    """The requested endpoint (the path as requested, so its language prefix too) with another
    query string."""
    url = settings.SITE_URL + local_path(request.path)
    encoded = query.urlencode()
    return f"{url}?{encoded}" if encoded else url


def _query_dict(values):
    params = QueryDict(mutable=True)
    for key, value in values.items():
        params.setlist(key, [value] if isinstance(value, str) else list(value))
    return params
