"""How the SQL engine (news.listing.sql_engine) filters and counts each kind of facet, written
once for every listing (news, projects): a listing's definition (news.listing.definition)
names, per facet, one of these rules.

- `ColumnRule`: a column of the item's own table holds the option (a news item's type, a
  project's funding).
- `TagRule`: a link table pairs items with taxonomy records (fields of work, countries,
  donors); each facet is applied as its own `pk IN (subquery)`, so joins over link tables
  never duplicate rows and no DISTINCT over the item table is needed.
- `TreeRule`: a link table to structures, where a structure includes its units ("Issued by",
  "Implemented by").
- `ConditionRule`: options that are conditions computed when asked (a project's status, which
  follows from its dates and today's date).

Counts for facet F are asked of every filter except F, in one query per facet whatever the
number of options or items.

Each rule also says how the facet index (news.listing.index) lays its facet out and reads it
back, so that the two engines follow one definition: `index_column` (an item column whose value
is the option) or `index_links` (a link table: model, item column, option column) for the
build, `index_mask` for a query, and `index_names` for the bitset names a page's ticked
options stand for (core.listing_reach: whether a changed item can reach a stored page).
"""

from django.db import connections
from django.db.models import Count, Q

from structures.models import Structure


class ColumnRule:
    def __init__(self, column):
        self.column = column
        self.index_column = column

    def index_mask(self, index, selection, name, slug):
        return index.option(name, slug)

    def index_names(self, selection, name, slugs):
        return [(name, slug) for slug in slugs]

    def filter(self, queryset, selection, name, slugs):
        return queryset.filter(**{f"{self.column}__in": slugs})

    def counts(self, items, selection, name):
        column = self.column
        return dict(items.values(column).annotate(n=Count("pk")).values_list(column, "n"))


class TagRule:
    """`through` links `item_column` (the item) to `option_column` (the record)."""

    def __init__(self, through, item_column, option_column):
        self.through = through
        self.item_column = item_column
        self.option_column = option_column
        self.index_links = (through, item_column, option_column)

    def index_mask(self, index, selection, name, slug):
        return index.option(name, selection.options.ids[name][slug])

    def index_names(self, selection, name, slugs):
        return [(name, selection.options.ids[name][slug]) for slug in slugs]

    def filter(self, queryset, selection, name, slugs):
        ids = [selection.options.ids[name][slug] for slug in slugs]
        links = self.through.objects.filter(**{f"{self.option_column}__in": ids})
        return queryset.filter(pk__in=links.values(self.item_column))

    def counts(self, items, selection, name):
        slugs = selection.options.slugs[name]
        column = self.option_column
        rows = (
            self.through.objects.filter(**{f"{self.item_column}__in": items.values("pk")})
            .values(column)
            .annotate(n=Count("pk"))
            .order_by()
            .values_list(column, "n")
        )
        return {slugs[pk]: n for pk, n in rows if pk in slugs}


class TreeRule:
    """`links` pairs `item_column` with `structure_id`; a structure includes its units."""

    def __init__(self, links, item_column):
        self.links = links
        self.item_column = item_column
        self.index_links = (links, item_column, "structure_id")

    def index_mask(self, index, selection, name, slug):
        """The structure with its units: an OR over the subtree, kept with the index."""
        options = selection.options
        return index.derived(
            (name, options.ids[name][slug]),
            lambda: index.any_of(name, options.subtree_ids([slug])),
        )

    def index_names(self, selection, name, slugs):
        return [(name, pk) for pk in selection.options.subtree_ids(slugs)]

    def filter(self, queryset, selection, name, slugs):
        structure_ids = selection.options.subtree_ids(slugs)
        links = self.links.objects.filter(structure_id__in=structure_ids)
        return queryset.filter(pk__in=links.values(self.item_column))

    def counts(self, items, selection, name):
        """Items linked to each structure or anything below it, each item counted once per
        structure even when several of its units are linked to it.

        A recursive CTE pairs every structure with each of its descendants; joining the links
        to it and counting DISTINCT items per ancestor gives, in one query, exactly the number
        of results that filtering by that structure returns. UNION (not UNION ALL) makes the
        recursion stop even if a cycle slipped into the tree.
        """
        connection = connections[items.db]
        quote = connection.ops.quote_name
        structures = quote(Structure._meta.db_table)
        links = quote(self.links._meta.db_table)
        item = quote(self.item_column)
        subquery, params = items.values("pk").query.get_compiler(items.db).as_sql()
        sql = (
            "WITH RECURSIVE closure (ancestor_id, descendant_id) AS ("
            f" SELECT id, id FROM {structures}"
            " UNION"
            f" SELECT closure.ancestor_id, child.id FROM closure"
            f" JOIN {structures} child ON child.parent_id = closure.descendant_id"
            ")"
            f" SELECT closure.ancestor_id, COUNT(DISTINCT link.{item})"
            f" FROM {links} link"
            " JOIN closure ON link.structure_id = closure.descendant_id"
            f" WHERE link.{item} IN ({subquery})"
            " GROUP BY closure.ancestor_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        slugs = selection.options.slugs[name]
        return {slugs[pk]: n for pk, n in rows if pk in slugs}

    def own_counts(self, items):
        """{structure id: items linked to it itself}, for "most active" lists."""
        rows = (
            self.links.objects.filter(**{f"{self.item_column}__in": items.order_by().values("pk")})
            .values_list("structure_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        return dict(rows)


class ConditionRule:
    """`conditions()` returns {option value: Q}, computed when asked (they may depend on the
    date); an item matches the options whose condition it meets. The facet index can answer
    it only through a subclass that says how (`index_mask`; projects.listing.StatusRule)."""

    def __init__(self, conditions):
        self.conditions = conditions

    def filter(self, queryset, selection, name, slugs):
        conditions = self.conditions()
        matching = Q()
        for slug in slugs:
            matching |= conditions[slug]
        return queryset.filter(matching)

    def counts(self, items, selection, name):
        conditions = list(self.conditions().items())
        found = items.aggregate(
            **{f"n{i}": Count("pk", filter=q) for i, (_value, q) in enumerate(conditions)}
        )
        counts = {value: found[f"n{i}"] for i, (value, _q) in enumerate(conditions)}
        return {value: n for value, n in counts.items() if n}


class SpanPeriod:
    """A date range over items that last from `start` to `end` (inclusive; one field for
    items of a single day, such as a news item's "Issued on"): an item matches when it
    runs on at least one day of the range."""

    def __init__(self, start, end=None):
        self.start = start
        self.end = end or start

    def filter(self, queryset, date_from, date_to):
        if date_from:
            queryset = queryset.filter(**{f"{self.end}__gte": date_from})
        if date_to:
            queryset = queryset.filter(**{f"{self.start}__lte": date_to})
        return queryset
