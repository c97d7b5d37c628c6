"""The project's URLs plus media served the way `osce_site.urls` serves them under DEBUG."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from osce_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
