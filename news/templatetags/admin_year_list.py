"""The admin's date hierarchy with a year list that costs index probes, not a scan.

Django lists the years with `SELECT DISTINCT date_trunc('year', …)` over every row of the
changelist (117 ms at 100,000 items, seconds under a search). Here each year between the
first and the last date asks `EXISTS` for a row in that year, which the date's index answers
at once; below the year level (months, days of one year) and under a search (few rows)
Django's own tag is cheap and used.
"""

import datetime

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db import models

register = template.Library()


def years_with_rows(queryset, field_name, first, last):
    return [
        year
        for year in range(first.year, last.year + 1)
        if queryset.filter(
            **{
                f"{field_name}__gte": datetime.date(year, 1, 1),
                f"{field_name}__lt": datetime.date(year + 1, 1, 1),
            }
        ).exists()
    ]


@register.inclusion_tag("admin/date_hierarchy.html")
def year_list_date_hierarchy(cl):
    field_name = cl.date_hierarchy
    field = cl.model._meta.get_field(field_name) if "__" not in field_name else None
    drilled = any(cl.params.get(f"{field_name}__{part}") for part in ("year", "month", "day"))
    # Under a search, the few matching rows are cheaper to list once than to probe per year.
    if (
        drilled
        or cl.query
        or not isinstance(field, models.DateField)
        or isinstance(field, models.DateTimeField)
    ):
        return date_hierarchy(cl)
    span = cl.queryset.aggregate(first=models.Min(field_name), last=models.Max(field_name))
    if not span["first"] or span["first"].year == span["last"].year:
        return date_hierarchy(cl)
    years = years_with_rows(cl.queryset.order_by(), field_name, span["first"], span["last"])
    return {
        "show": True,
        "back": None,
        "choices": [
            {
                "link": cl.get_query_string(
                    {f"{field_name}__year": str(year)}, [f"{field_name}__"]
                ),
                "title": str(year),
            }
            for year in years
        ],
        "field_name": field.verbose_name,
    }
