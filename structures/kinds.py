"""What a structure is. Apart from the model so that the tree (structures.tree), which the
model's own validation uses, can name field operations without importing the model."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StructureKind(models.TextChoices):
    GROUP = "group", _("Group of bodies")
    CHAIRPERSONSHIP = "chairpersonship", _("Chairpersonship")
    DECISION_MAKING_BODY = "decision-making-body", _("Decision-making body")
    SECRETARIAT = "secretariat", _("Secretariat")
    SECRETARIAT_UNIT = "secretariat-unit", _("Secretariat unit")
    INSTITUTION = "institution", _("Institution")
    FIELD_OPERATION = "field-operation", _("Field operation")
    CLOSED_FIELD_ACTIVITY = "closed-field-activity", _("Closed field activity")
    PARLIAMENTARY_ASSEMBLY = "parliamentary-assembly", _("Parliamentary Assembly")
    COURT = "court", _("Court")
    OTHER = "other", _("Other")
