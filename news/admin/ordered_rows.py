"""The admin inline for an ordered list of rows on publishable content (core.abstract_models.
OrderedLink): "Issued by" of news items and documents, "Implemented by" and the donors of
projects. One class so every such list gets the same autocomplete, ordering field, renumbering
(IssuerFormSet) and read-only state of a live item (ParentEditableInline)."""

from news.admin.forms import IssuerFormSet
from news.admin.publishing import ParentEditableInline


class OrderedRowsInline(ParentEditableInline):
    formset = IssuerFormSet
    fields = ["structure", "position"]
    autocomplete_fields = ["structure"]
    # At least one row unless a subclass sets `min_num = 0` (a project's donors are optional).
    min_num = 1
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, validate_min=bool(self.min_num), **kwargs)
