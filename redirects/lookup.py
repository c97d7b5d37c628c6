"""Where an old slug leads now: the current address of the object that had it, if visitors
may see that object (a redirect never reveals a draft, a scheduled or an expired item)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Subquery

from core.publishing import Publishable
from redirects.models import SlugRedirect


def current_object(model, old_slug, visible=None):
    """The public object that had `old_slug`, with its pk and current slug only, or None.
    One query (the content type is cached by Django after its first read). `visible`: the
    objects visitors may reach, when that is more than `published()` (a simple page's parents
    must be published too), loading whatever its URL needs."""
    content_type = ContentType.objects.get_for_model(model)
    targets = SlugRedirect.objects.filter(content_type=content_type, old_slug=old_slug).values(
        "object_id"
    )[:1]
    if visible is not None:
        return visible.filter(pk=Subquery(targets)).first()
    queryset = model._default_manager.all()
    if issubclass(model, Publishable):
        queryset = queryset.published()
    return queryset.filter(pk=Subquery(targets)).only("pk", "slug").first()


def current_url(model, old_slug):
    """The object's current URL in the active language, or None."""
    target = current_object(model, old_slug)
    return target.get_absolute_url() if target is not None else None


def old_slugs(obj):
    """The redirects that lead to `obj`, newest first."""
    content_type = ContentType.objects.get_for_model(type(obj))
    return list(
        SlugRedirect.objects.filter(content_type=content_type, object_id=obj.pk).select_related(
            "content_type"
        )
    )


def redirected_slugs(model):
    """Every old slug of `model` that redirects (for code that allocates new slugs)."""
    content_type = ContentType.objects.get_for_model(model)
    return SlugRedirect.objects.filter(content_type=content_type).values_list("old_slug", flat=True)
