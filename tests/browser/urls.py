"""The site's URLs plus uploaded media: in production a web server or object storage serves
/media/, and the pages under test show uploaded pictures."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from osce_site.urls import handler500
from osce_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns,
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]

__all__ = ["handler500", "urlpatterns"]
