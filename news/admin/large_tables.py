"""What keeps a changelist fast at 100,000 rows (issue 16: < 300 ms, a constant number of
queries), mixed into `PublishingAdmin` for every content type.

Django's defaults each cost a scan or a join there: the row count runs twice (the filtered
and the full count), "Show counts" counts every filter option over the whole table, a search
matches `icontains` on a dozen columns plus a join and then removes the duplicates the join
made (DISTINCT over every column, four times per page: count, rows, the date hierarchy's
first/last and its year list), a many-to-many filter adds DISTINCT too, and a deep page
fetches every row it skips. Here: one count; no facet counts (the public listing serves exact
counts from its facet index); search through the site's full-text index in every language
plus the slug and `search_related` conditions (no join, so no DISTINCT); many-to-many
filters by `EXISTS`; deep pages by their ids first (an index-only scan), then those rows.
The date hierarchy's year list is in `news.templatetags.admin_year_list`.
"""

from django.contrib import admin
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.db.models.expressions import RawSQL

from search.backends import matching_in_any_language


class IdsFirstPaginator(Paginator):
    """A page's rows fetched by id: the skipped rows of a deep page are read from the
    ordering's index alone rather than fetched whole."""

    def _get_page(self, object_list, number, paginator):
        ids = list(object_list.values_list("pk", flat=True))
        return super()._get_page(self.object_list.filter(pk__in=ids), number, paginator)


def related_filter(field_name, title=None):
    """A list filter on a many-to-many field that selects by `EXISTS`: Django's own filter
    joins the relation and then needs DISTINCT over every column of every page."""

    class RelatedExistsFilter(admin.SimpleListFilter):
        parameter_name = f"{field_name}__id__exact"

        def __init__(self, request, params, model, model_admin):
            self.field = model._meta.get_field(field_name)
            self.title = title or self.field.verbose_name
            super().__init__(request, params, model, model_admin)

        def lookups(self, request, model_admin):
            return [(str(obj.pk), str(obj)) for obj in self.field.related_model.objects.all()]

        def queryset(self, request, queryset):
            value = self.value()
            if not value or not value.isdigit():
                return queryset
            through = self.field.remote_field.through
            owner = self.field.m2m_field_name()
            target = self.field.m2m_reverse_field_name()
            links = through.objects.filter(**{owner: OuterRef("pk"), target: int(value)})
            return queryset.filter(Exists(links))

    return RelatedExistsFilter


class LargeTableAdmin:
    paginator = IdsFirstPaginator
    # Half Django's 100: rendering a row's columns is most of a page's time once the queries
    # are cheap, and newsrooms page or search rather than scroll.
    list_per_page = 50
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER

    def search_related(self, term):
        """The ids (a `values("pk")`-like queryset) of rows matched by what they refer to
        (their issuers, their series); None when a model has nothing to add."""
        return None

    def search_ids_sql(self, term):
        """One `UNION` of index lookups: the full-text index in every language, the slug,
        the id, and `search_related`. A single `pk IN (…)` lets the database probe the
        primary key for the few matching ids; conditions joined by OR would make it read
        every row of the table instead."""
        manager = self.model._default_manager
        querysets = [manager.filter(slug=term.lower()).values("pk")]
        if term.isdigit():
            querysets.append(manager.filter(pk=int(term)).values("pk"))
        related = self.search_related(term)
        if related is not None:
            querysets.append(related)
        parts = [queryset.order_by().query.sql_with_params() for queryset in querysets]
        parts += matching_in_any_language(self.model._meta.db_table, term)
        return " UNION ".join(sql for sql, _ in parts), [p for _, params in parts for p in params]

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term or not getattr(self.model, "full_text_fields", None):
            return super().get_search_results(request, queryset, search_term)
        sql, params = self.search_ids_sql(term)
        return queryset.filter(pk__in=RawSQL(sql, params)), False
