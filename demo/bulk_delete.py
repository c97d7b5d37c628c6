"""Deleting a demo's rows in one statement per table, without loading them.

Django's `QuerySet.delete()` fetches every row to send per-row signals, and the invalidation's
receivers (website.invalidation) read each deleted item again: one query per item, minutes for
a demo of a million. A demo reload announces itself once instead (`content_changed()` in the
command), so its rows can go without signals.
"""

from django.db import connections, models


def _referring_relations(model):
    """Every foreign key to `model`, the many-to-many tables' included (hidden relations)."""
    return [
        relation
        for relation in model._meta.get_fields(include_hidden=True)
        if relation.auto_created
        and not relation.concrete
        and (relation.one_to_many or relation.one_to_one)
    ]


def _delete_rows(queryset):
    model = queryset.model
    connection = connections[queryset.db]
    quote = connection.ops.quote_name
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(model._meta.pk.column)} IN ({sql})",
            params,
        )
        return cursor.rowcount


def delete_in_bulk(queryset):
    """Delete `queryset`'s rows and the rows that cascade from them (one level: the demo's
    relation tables); returns how many of `queryset`'s rows went.

    A relation that does not cascade (PROTECT, SET_NULL, ...) or a generic relation is left to
    Django's own `delete()`, which honours it, at its per-row cost.
    """
    relations = _referring_relations(queryset.model)
    generic = [field for field in queryset.model._meta.private_fields if field.one_to_many]
    if generic or any(relation.on_delete is not models.CASCADE for relation in relations):
        return queryset.delete()[1].get(queryset.model._meta.label, 0)
    for relation in relations:
        referring = relation.related_model._base_manager.using(queryset.db)
        _delete_rows(referring.filter(**{f"{relation.field.name}__in": queryset.values("pk")}))
    return _delete_rows(queryset)
