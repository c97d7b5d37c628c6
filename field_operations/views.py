"""`/field-operations/` (the comparison table) and `/structures/<slug>/figures.csv|json`.

The files are plain responses the page cache stores like any page (osce_site.page_cache):
they change only when a profile or a figure does, which moves the content state.
"""

import csv
import io

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from field_operations.comparison import ComparisonQuery
from field_operations.selectors import (
    FIGURE_COLUMNS,
    comparison,
    field_operation_or_404,
    figure_rows,
)


def figures_csv(request, slug):
    structure = field_operation_or_404(slug)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIGURE_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(figure_rows(structure))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{structure.slug}-figures.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def figures_json(request, slug):
    structure = field_operation_or_404(slug)
    data = {
        "field_operation": {
            "name": structure.name,
            "slug": structure.slug,
            "url": settings.SITE_URL + structure.get_absolute_url(),
            "closed": structure.is_closed,
        },
        "columns": list(FIGURE_COLUMNS),
        "figures": figure_rows(structure),
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


class ComparisonView(TemplateView):
    template_name = "field_operations/comparison.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = ComparisonQuery(self.request.GET)
        list_url = reverse("field_operations:list")
        rows = comparison(query.year, query.sort, query.status) if query.year else []
        context.update(
            query=query,
            rows=rows,
            notices=query.notices,
            canonical_url=settings.SITE_URL + query.url(list_url),
            sort_links={
                sort: query.url(list_url, sort=sort) for sort in ("name", "budget", "staff")
            },
            breadcrumbs=[(_("Home"), reverse("website:home")), (_("Field operations"), None)],
        )
        return context
