from django.urls import path

from countries import views

app_name = "countries"

urlpatterns = [
    path("", views.ListView.as_view(), name="list"),
    path("<slug:slug>/", views.DetailView.as_view(), name="detail"),
]
