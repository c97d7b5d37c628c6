from django.urls import re_path

from pages import views
from pages.paths import MAX_DEPTH, SEGMENT

app_name = "pages"

# Placed last in i18n_patterns (osce_site/urls.py): a page never hides another section's URL,
# and pages.paths refuses a top-level slug another section already answers.
# At most pages.paths.MAX_DEPTH segments.
urlpatterns = [
    re_path(
        rf"^(?P<path>{SEGMENT}(?:/{SEGMENT}){{0,{MAX_DEPTH - 1}}})/$",
        views.PageDetailView.as_view(),
        name="detail",
    ),
]
