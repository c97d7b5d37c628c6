from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only JSON API (`/api/v1/`): the listings, items and taxonomy the HTML pages
    show, for programs. It sits above `website` and reads news, structures and countries
    through their own filters and selectors; it has no models of its own."""

    name = "api"
    verbose_name = "API"
