from django.urls import path

from field_operations import views

app_name = "field_operations"

urlpatterns = [
    path("", views.ComparisonView.as_view(), name="list"),
]

# Under /structures/, before the structures' own `<slug>/` (osce_site/urls.py).
figures_patterns = (
    [
        path("<slug:slug>/figures.csv", views.figures_csv, name="figures_csv"),
        path("<slug:slug>/figures.json", views.figures_json, name="figures_json"),
    ],
    "field_operation_figures",
)
