"""The listing answered with SQL (see news.listing.engine).

Every facet is applied as its own `pk IN (subquery)`, so joins over many-to-many tables never
duplicate rows and no DISTINCT over the news table is needed. Facet counts ask, for facet F,
every filter except F, then one GROUP BY query per facet counts its options: four count
queries whatever the number of options or items.
"""

from django.db import connections
from django.db.models import Count

from news.listing.selection import SORTS
from news.models import NewsItem, NewsItemIssuer
from search.backends import filter_matching, rank_expression
from structures.models import Structure

# facet -> (link table, its column naming the option); structures and types are apart.
THROUGH = {
    "field_of_work": (NewsItem.fields_of_work.through, "fieldofwork_id"),
    "country": (NewsItem.countries.through, "country_id"),
}


def facet_filter(queryset, selection, name, slugs):
    """`queryset` narrowed to the items having any of `slugs` in facet `name`; a structure
    includes its units."""
    if name == "type":
        return queryset.filter(type__in=slugs)
    if name == "issued_by":
        structure_ids = selection.options.subtree_ids(slugs)
        links = NewsItemIssuer.objects.filter(structure_id__in=structure_ids)
        return queryset.filter(pk__in=links.values("news_item_id"))
    through, column = THROUGH[name]
    ids = [selection.options.ids[name][slug] for slug in slugs]
    links = through.objects.filter(**{f"{column}__in": ids})
    return queryset.filter(pk__in=links.values("newsitem_id"))


class SqlEngine:
    def __init__(self, selection, queryset=None):
        self.selection = selection
        if queryset is None:
            queryset = NewsItem.objects.published().in_language(selection.language)
        self.queryset = queryset

    def filtered(self, skip=None):
        """The items matching every filter except the facet `skip`, unordered."""
        selection = self.selection
        queryset = self.queryset.all()
        if selection.search:
            queryset = filter_matching(queryset, selection.search)
        for name, slugs in selection.values.items():
            if name != skip:
                queryset = facet_filter(queryset, selection, name, slugs)
        if selection.date_from:
            queryset = queryset.filter(issued_on__gte=selection.date_from)
        if selection.date_to:
            queryset = queryset.filter(issued_on__lte=selection.date_to)
        return queryset

    def ordered(self):
        queryset = self.filtered()
        if self.selection.sort == "relevance":
            rank = rank_expression(NewsItem, self.selection.search)
            queryset = queryset.annotate(search_rank=rank)
        return queryset.order_by(*SORTS[self.selection.sort][1])

    def count(self):
        return self.ordered().count()

    def ids(self, start, stop):
        return list(self.ordered().values_list("pk", flat=True)[start:stop])

    def counts(self, facet):
        items = self.filtered(skip=facet).order_by()
        if facet == "type":
            rows = items.values("type").annotate(n=Count("pk")).values_list("type", "n")
            return dict(rows)
        if facet == "issued_by":
            return self._count_structures(items)
        through, column = THROUGH[facet]
        slugs = self.selection.options.slugs[facet]
        rows = (
            through.objects.filter(newsitem_id__in=items.values("pk"))
            .values(column)
            .annotate(n=Count("pk"))
            .order_by()
            .values_list(column, "n")
        )
        return {slugs[pk]: n for pk, n in rows if pk in slugs}

    def _count_structures(self, items):
        """Items issued by each structure or anything below it, each item counted once per
        structure even when several of its units issued it jointly.

        A recursive CTE pairs every structure with each of its descendants; joining the issuer
        links to it and counting DISTINCT items per ancestor gives, in one query, exactly the
        number of results that filtering by that structure returns. UNION (not UNION ALL)
        makes the recursion stop even if a cycle slipped into the tree.
        """
        connection = connections[items.db]
        quote = connection.ops.quote_name
        structures = quote(Structure._meta.db_table)
        issuers = quote(NewsItemIssuer._meta.db_table)
        subquery, params = items.values("pk").query.get_compiler(items.db).as_sql()
        sql = (
            "WITH RECURSIVE closure (ancestor_id, descendant_id) AS ("
            f" SELECT id, id FROM {structures}"
            " UNION"
            f" SELECT closure.ancestor_id, child.id FROM closure"
            f" JOIN {structures} child ON child.parent_id = closure.descendant_id"
            ")"
            " SELECT closure.ancestor_id, COUNT(DISTINCT link.news_item_id)"
            f" FROM {issuers} link"
            " JOIN closure ON link.structure_id = closure.descendant_id"
            f" WHERE link.news_item_id IN ({subquery})"
            " GROUP BY closure.ancestor_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        slugs = self.selection.options.slugs["issued_by"]
        return {slugs[pk]: n for pk, n in rows if pk in slugs}

    def issuer_counts(self):
        rows = (
            NewsItemIssuer.objects.filter(news_item__in=self.filtered().order_by().values("pk"))
            .values_list("structure_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        return dict(rows)
