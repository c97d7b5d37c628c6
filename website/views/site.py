"""Site plumbing: robots.txt, /favicon.ico, the health check, the sitemap index and the 500
page."""

import logging

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError, QueryDict
from django.template import loader
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import page_dependencies
from core.text import site_name

logger = logging.getLogger(__name__)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page's <link rel="icon">
    says. A temporary redirect: the static file's hashed name changes with each release."""
    return HttpResponseRedirect(static("img/favicon.ico"))


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers; a load balancer takes the server out otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@x_robots_tag
@require_safe
def sitemap_index(request, sitemaps, section_url_name="sitemap_section"):
    """Django's index view names each section with the request's Host; this one uses
    `SITE_URL`, like the sections themselves. What it shows is each section's size and
    latest change: it depends on the sections' models' versions (`read_version`)."""
    page_dependencies.complete()
    for sitemap_class in sitemaps.values():
        sitemap_class.read_version()
    entries = []
    for section, sitemap_class in sitemaps.items():
        sitemap = sitemap_class()
        location = settings.SITE_URL + reverse(section_url_name, kwargs={"section": section})
        lastmod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, lastmod))
        entries.extend(
            SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, sitemap.paginator.num_pages + 1)
        )
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def sitemap_section(request, sitemaps, section):
    """Django's section view; its page (`?p=2`) is the only query the page cache stores it
    under (osce_site.page_cache), so made-up parameters never create entries. It depends on
    its model's version (`read_version`)."""
    if section in sitemaps:
        page_dependencies.complete()
        sitemaps[section].read_version()
    response = sitemap_views.sitemap(request, sitemaps, section)
    page = request.GET.get("p", "")
    canonical = QueryDict(mutable=True)
    if page.isdigit() and page.isascii() and int(page) > 1 and str(int(page)) == page:
        canonical["p"] = page
    response.canonical_query = canonical
    return response


def server_error(request):
    """The 500 page in the site's layout, rendered without the request's context: whatever
    failed (the database, a context processor) must not fail this page too."""
    try:
        body = loader.get_template("500.html").render(
            {"SITE_NAME": site_name(), "SITE_URL": settings.SITE_URL}
        )
    except Exception:
        logger.exception("The 500 page itself failed to render")
        body = "<!doctype html><title>Server error</title><h1>Server error (500)</h1>"
    return HttpResponseServerError(body)
