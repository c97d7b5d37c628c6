"""Where a library image is used: every item of any content type pointing at it (the
`library_image` of news items, projects and documents), found through the relations to
`Image`, so there is no list of content types to keep up to date."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from media_library.models import Image


def relations():
    """The (model, field name) pairs that point at an image."""
    return [
        (relation.related_model, relation.field.name)
        for relation in Image._meta.related_objects
        if relation.one_to_many
    ]


def with_usage(queryset):
    """`queryset` annotated with `usage`, the number of items using each image (one subquery
    per content type, so no join multiplies another)."""
    total = Value(0, output_field=IntegerField())
    for model, field in relations():
        counted = (
            model._base_manager.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")
        )
        total = total + Coalesce(Subquery(counted, output_field=IntegerField()), 0)
    return queryset.annotate(usage=total)


def users(image):
    """Every item using `image`, content type by content type."""
    found = []
    for model, field in relations():
        found.extend(model._base_manager.filter(**{field: image}).order_by("pk"))
    return found
