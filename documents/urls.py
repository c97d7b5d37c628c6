from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    path("feed/", views.DocumentFeed(), name="feed"),
    path("symbol/<path:symbol>/", views.symbol_redirect, name="symbol"),
    path("<slug:slug>/", views.DocumentDetailView.as_view(), name="detail"),
    path("<slug:slug>/files/<str:language>/", views.download, name="download"),
]
