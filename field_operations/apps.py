from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldOperationsConfig(AppConfig):
    name = "field_operations"
    verbose_name = _("Field operations")
