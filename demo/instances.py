"""Model instances built by position, for the hundreds of thousands a large run makes."""

import functools


@functools.cache
def _columns(model):
    """(attname, default, default factory) of each concrete field, in the table's order.
    Constant defaults are worked out once: a translated column's switches the active language
    (django-modeltranslation), which per item and column cost a quarter of a large run."""
    return tuple(
        (field.attname, None, field.get_default)
        if field.has_default() and callable(field.default)
        else (field.attname, field.get_default(), None)
        for field in model._meta.concrete_fields
    )


def instance_by_position(model, values):
    """`model(**values)`, but by position, as Django builds the rows it reads: Django and
    modeltranslation then skip their work per keyword (75 of them on a news item)."""
    return model(
        *(
            values[name] if name in values else factory() if factory else default
            for name, default, factory in _columns(model)
        )
    )
