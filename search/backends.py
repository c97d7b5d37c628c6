"""Querying the full-text indexes of `search.schema` from the ORM.

Matching is a self-contained `pk IN (subquery)`, so a filtered queryset can be nested in
facet-count subqueries without table aliases leaking. Ranking is an annotation for the one
query that renders a page. Both databases read the same parsed `SearchQuery`.
"""

import html
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL
from django.utils.safestring import mark_safe

from core.text import HIGHLIGHT_START, HIGHLIGHT_STOP
from search.query import parse_query
from search.schema import columns, fts_table, languages, pg_config, vector_column

# Private-use characters mark highlights inside the database's output; they are turned into
# <mark> only after the text has been HTML-escaped (content never holds them: core.text).
START, STOP = HIGHLIGHT_START, HIGHLIGHT_STOP
# FTS5's bm25 weights per indexed column: title, then teaser/place, then body.
FTS5_WEIGHTS = "10.0, 4.0, 1.0"


def _vendor():
    return connection.vendor


def _pg_match(table, query):
    """SQL and params of the condition that a row of `table` matches `query` (PostgreSQL)."""
    return (
        f'"{table}"."{vector_column(query.language)}" @@ websearch_to_tsquery(%s::regconfig, %s)',
        [pg_config(query.language), query.websearch()],
    )


def matching_ids_sql(table, query):
    """SQL and params selecting the ids of rows that match `query`."""
    if _vendor() == "postgresql":
        condition, params = _pg_match(table, query)
        return f"SELECT id FROM {table} WHERE {condition}", params
    fts = fts_table(table, query.language)
    return f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [query.fts5()]


def ranked_rows(queryset, query, tiebreak, start):
    """(id, rank, `start`) of the rows of `queryset` that match, best first: rank higher is
    better; `tiebreak` (SQL) orders equal ranks (newest first: `start DESC, id DESC`). One
    query, ranked inside the database's own full-text engine; `queryset` narrows it (only what
    visitors may see), so no caller ever holds the ids of rows it must not show. With the rank
    and the tie-break's column, a few rows read again can be put back in their place
    (news.listing.matches) where the rank of a row depends on that row alone (PostgreSQL's
    `ts_rank`; FTS5's `bm25` weighs every row by the whole table: `rank_per_row`).

    On PostgreSQL the match and the rank are conditions and columns of `queryset` itself, not
    an `IN` over it: at 1,000,000 items, looking up each of 160,000 matches again by primary
    key took the ranking of one common word from 3 s to 7 s (one core), past the web
    requests' statement timeout (with the connections' `work_mem`, settings `DB_WORK_MEM`,
    1.6 s)."""
    table = queryset.model._meta.db_table
    if _vendor() == "postgresql":
        matching = RawSQL(*_pg_match(table, query), output_field=BooleanField())
        rank = rank_expression(queryset.model, query)
        rows = queryset.filter(matching).annotate(search_rank=rank).order_by()
        within, within_params = rows.values_list("id", "search_rank", start).query.sql_with_params()
        sql = (
            f"SELECT id, search_rank, {start} FROM ({within}) AS matched "
            f"ORDER BY search_rank DESC, {tiebreak}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, within_params)
            return cursor.fetchall()
    within, within_params = queryset.values("pk").query.sql_with_params()
    fts = fts_table(table, query.language)
    sql = (
        f"SELECT {table}.id, -bm25({fts}, {FTS5_WEIGHTS}) AS rank, {table}.{start} "
        f"FROM {fts} JOIN {table} ON {table}.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND {table}.id IN ({within}) "
        f"ORDER BY rank DESC, {tiebreak}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query.fts5(), *within_params])
        return cursor.fetchall()


def rank_per_row():
    """Whether a row's rank depends on that row alone (see `ranked_rows`)."""
    return _vendor() == "postgresql"


def filter_matching(queryset, query):
    """Only rows matching `query`; an empty query matches nothing."""
    if not query:
        return queryset.none()
    sql, params = matching_ids_sql(queryset.model._meta.db_table, query)
    return queryset.filter(pk__in=RawSQL(sql, params))


def matching_in_any_language(table, raw):
    """SQL and params for each language in which `raw` has searchable words, selecting the
    ids of the rows whose text in that language matches (each parsed and stemmed by its
    language's rules): an editor's search in the admin, since an item may exist in Russian
    only. The caller unites them with its other conditions."""
    parts = []
    for language in languages():
        query = parse_query(raw, language)
        if query:
            parts.append(matching_ids_sql(table, query))
    return parts


def rank_expression(model, query):
    """Relevance, higher is better: title above teaser above body."""
    table = model._meta.db_table
    if _vendor() == "postgresql":
        return RawSQL(
            f'ts_rank("{table}"."{vector_column(query.language)}", '
            "websearch_to_tsquery(%s::regconfig, %s))",
            [pg_config(query.language), query.websearch()],
            output_field=FloatField(),
        )
    fts = fts_table(table, query.language)
    return RawSQL(
        f"(SELECT -bm25({fts}, {FTS5_WEIGHTS}) FROM {fts} "
        f'WHERE {fts} MATCH %s AND {fts}.rowid = "{table}"."id")',
        [query.fts5()],
        output_field=FloatField(),
    )


@dataclass(frozen=True)
class Highlight:
    title: str
    snippet: str


def _marked(text):
    """Escape the database's text, then turn the sentinels into <mark> elements."""
    escaped = html.escape(text or "")
    if escaped.count(START) != escaped.count(STOP):
        escaped = escaped.replace(START, "").replace(STOP, "")
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


def highlights(model, ids, query):
    """{id: Highlight} for one page of results, in one query."""
    ids = [int(pk) for pk in ids]
    if not ids or not query:
        return {}
    table = model._meta.db_table
    title_column, teaser_column, body_column = (c for c, _ in columns(table, query.language))
    config = pg_config(query.language)
    placeholders = ", ".join(["%s"] * len(ids))
    if _vendor() == "postgresql":
        options = f"StartSel={START}, StopSel={STOP}"
        sql = (
            "WITH q AS (SELECT websearch_to_tsquery(%s::regconfig, %s) AS query) "
            f"SELECT id, ts_headline(%s::regconfig, {title_column}, q.query, %s), "
            f"ts_headline(%s::regconfig, concat_ws(' ', {teaser_column}, {body_column}), "
            f"q.query, %s) FROM {table}, q WHERE id IN ({placeholders})"
        )
        params = [
            config,
            query.websearch(),
            config,
            f"HighlightAll=true, {options}",
            config,
            f"MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter= … , {options}",
            *ids,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return {pk: Highlight(_marked(title), _marked(snippet)) for pk, title, snippet in rows}
    fts = fts_table(table, query.language)
    sql = (
        f"SELECT rowid, highlight({fts}, 0, %s, %s), snippet({fts}, 2, %s, %s, ' … ', 28), "
        f"snippet({fts}, 1, %s, %s, ' … ', 28) "
        f"FROM {fts} WHERE {fts} MATCH %s AND rowid IN ({placeholders})"
    )
    params = [START, STOP, START, STOP, START, STOP, query.fts5(), *ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    result = {}
    for pk, title, body_snippet, teaser_snippet in rows:
        snippet = body_snippet if START in (body_snippet or "") else teaser_snippet
        if START not in (snippet or ""):
            snippet = teaser_snippet or body_snippet
        result[pk] = Highlight(_marked(title), _marked(snippet))
    return result
