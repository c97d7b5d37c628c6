from django.urls import path

from website.views import home, search

app_name = "website"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("search/", search.SearchView.as_view(), name="search"),
]
