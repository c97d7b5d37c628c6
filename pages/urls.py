from django.urls import re_path

from pages import views

app_name = "pages"

# Placed last in i18n_patterns (osce_site/urls.py): a page never hides another section's URL,
# and pages.paths refuses a top-level slug another section already answers.
# At most pages.paths.MAX_DEPTH segments.
urlpatterns = [
    re_path(
        r"^(?P<path>[-a-z0-9_]+(?:/[-a-z0-9_]+){0,2})/$",
        views.PageDetailView.as_view(),
        name="detail",
    ),
]
