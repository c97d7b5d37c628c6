"""`/field-operations/` (the comparison table) and `/structures/<slug>/figures.csv|json`.

The files are plain responses the page cache stores like any page (osce_site.page_cache).
They and the comparison table show nothing but the taxonomy (structures, profiles, offices,
figures), whose every change moves the base state: a stored copy depends on that and the
listing state alone (core.page_dependencies), so an edit of a news item keeps it.
"""

import csv
import functools
import io

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core import page_dependencies
from field_operations.comparison import ComparisonQuery
from field_operations.selectors import (
    FIGURE_COLUMNS,
    comparison,
    field_operation_or_404,
    figure_rows,
    is_field_operation,
)
from redirects.lookup import current_object
from structures.models import Structure


def follows_old_slugs(view):
    """A file at a slug the operation had before answers 301 to the same file at its current
    one, as the operation's page does (redirects/)."""

    @functools.wraps(view)
    def wrapped(request, slug):
        page_dependencies.complete()
        try:
            return view(request, slug)
        except Http404:
            target = current_object(Structure, slug)
            if target is None or target.slug == slug or not is_field_operation(target):
                raise
            name = request.resolver_match.view_name
            return HttpResponsePermanentRedirect(reverse(name, args=[target.slug]))

    return wrapped


@follows_old_slugs
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


@follows_old_slugs
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
        page_dependencies.complete()
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
