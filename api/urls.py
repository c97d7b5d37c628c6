"""The API's URLs, included inside `i18n_patterns` (osce_site.urls): `/api/v1/` is English,
`/ru/api/v1/` Russian, like every page."""

from django.urls import path, re_path

from api.views import docs, documents, meetings, news, projects, root, taxonomy

app_name = "api"

urlpatterns = [
    path("api/v1/", root.ApiRootView.as_view(), name="root"),
    path("api/v1/news/", news.NewsListView.as_view(), name="news_list"),
    path("api/v1/news/<slug:slug>/", news.NewsDetailView.as_view(), name="news_detail"),
    path("api/v1/meetings/", meetings.MeetingListView.as_view(), name="meeting_list"),
    path(
        "api/v1/meetings/<slug:slug>/",
        meetings.MeetingDetailView.as_view(),
        name="meeting_detail",
    ),
    path("api/v1/projects/", projects.ProjectListView.as_view(), name="project_list"),
    path(
        "api/v1/projects/<slug:slug>/",
        projects.ProjectDetailView.as_view(),
        name="project_detail",
    ),
    path("api/v1/documents/", documents.DocumentListView.as_view(), name="document_list"),
    path(
        "api/v1/documents/<slug:slug>/",
        documents.DocumentDetailView.as_view(),
        name="document_detail",
    ),
    path(
        "api/v1/fields-of-work/",
        taxonomy.FieldOfWorkListView.as_view(),
        name="field_of_work_list",
    ),
    path("api/v1/countries/", taxonomy.CountryListView.as_view(), name="country_list"),
    path("api/v1/structures/", taxonomy.StructureTreeView.as_view(), name="structure_tree"),
    path(
        "api/v1/meeting-series/",
        taxonomy.MeetingSeriesListView.as_view(),
        name="meeting_series_list",
    ),
    path("api/v1/schema/", docs.SchemaView.as_view(), name="schema"),
    path("api/v1/docs/", docs.DocsView.as_view(), name="docs"),
    # Ending in a slash, so that a path without one is first redirected to it (APPEND_SLASH):
    # /api/v1/news goes to /api/v1/news/.
    re_path(r"^api/(?P<rest>(?:.*/)?)$", root.UnknownEndpointView.as_view(), name="unknown"),
]
