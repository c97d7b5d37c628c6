"""The query of `/field-operations/`, read as the listings read theirs: a known value is kept,
anything else is dropped with a notice, and the canonical URL names the known values only,
in a fixed order (so `?sort=staff&year=2024` and `?year=2024&sort=staff&x=1` are one page).
"""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from field_operations.selectors import figure_years

SORTS = {"name": _("Name"), "budget": _("Budget"), "staff": _("Staff")}
STATUSES = {"": _("Open and closed"), "open": _("Open"), "closed": _("Closed")}


class ComparisonQuery:
    def __init__(self, data):
        self.notices = []
        self.years = figure_years()
        self.year_given = False
        self.year = self._year(data.get("year", ""))
        self.sort = self._choice(
            data.get("sort", ""),
            SORTS,
            "name",
            _("The sort order “%(value)s” is not one we know: sorted by name."),
        )
        self.status = self._choice(
            data.get("status", ""),
            STATUSES,
            "",
            _("The status “%(value)s” is not one we know: showing open and closed."),
        )

    def _year(self, value):
        latest = self.years[0] if self.years else None
        if not value:
            return latest
        if value.isdigit() and int(value) in self.years:
            self.year_given = True
            return int(value)
        self.notices.append(
            _("There are no figures for the year “%(value)s”: showing %(year)s.")
            % {"value": value[:20], "year": latest}
            if latest
            else _("There are no figures yet.")
        )
        return latest

    def _choice(self, value, choices, default, notice):
        if not value or value in choices:
            return value or default
        self.notices.append(notice % {"value": value[:20]})
        return default

    def params(self, **override):
        """The known, non-default values in a fixed order."""
        values = {
            "status": self.status,
            "year": str(self.year) if self.year_given else "",
            "sort": "" if self.sort == "name" else self.sort,
        }
        values.update(override)
        if values.get("sort") == "name":
            values["sort"] = ""
        query = QueryDict(mutable=True)
        for key, value in values.items():
            if value:
                query[key] = value
        return query

    def url(self, path, **override):
        query = self.params(**override)
        return f"{path}?{query.urlencode()}" if query else path

    @property
    def sort_options(self):
        return list(SORTS.items())

    @property
    def status_options(self):
        return list(STATUSES.items())
