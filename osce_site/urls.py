from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from field_operations.urls import figures_patterns
from news.views.images import content_image_view, news_image_view
from osce_site.sitemaps import SITEMAPS
from website.views import site

# Visitors' pages in every language: English unprefixed (/news/), the others prefixed
# (/ru/news/). The admin, sitemaps, robots.txt and the health check exist once.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", site.robots_txt, name="robots"),
    path("favicon.ico", site.favicon, name="favicon"),
    path("healthz", site.healthz, name="healthz"),
    # Images not (yet) in the public storage, for editors' previews (news.media_privacy);
    # the news items' first route kept for the links already handed out.
    path("images/<str:model>/<int:pk>/<path:name>", content_image_view, name="content_image"),
    path("news-images/<int:pk>/<path:name>", news_image_view, name="news_image"),
    path("sitemap.xml", site.sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<slug:section>.xml",
        site.sitemap_section,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    *i18n_patterns(
        path("", include("website.urls")),
        path("", include("news.urls")),
        path("projects/", include("projects.urls")),
        path("documents/", include("documents.urls")),
        path("countries/", include("countries.urls")),
        path("field-operations/", include("field_operations.urls")),
        path("structures/", include(figures_patterns)),
        path("structures/", include("structures.urls")),
        path("", include("api.urls")),
        path("alerts/", include("alerts.urls")),
        # Last: simple pages answer only paths no other section takes (pages.paths).
        path("", include("pages.urls")),
        prefix_default_language=False,
    ),
]

# A database outage answers 503 in the site's layout; anything else the site's 500 page.
handler500 = "osce_site.db_errors.server_error"
handler404 = "osce_site.not_found.page_not_found"

# Development only (osce_site.settings.dev): `static()` would serve nothing with DEBUG off.
if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
