"""Records a redirect whenever the slug of something visitors can see changes, by any path
(the admin, the importer, `load_taxonomy`, a script's `save()`): it listens at the model
layer, to every model that declares `redirect_old_slugs = True` (found through the app
registry, as website.invalidation finds what it listens to).

- The slug and the visibility before the write are read from the database, never from the
  instance (which may have been loaded long before). Only a slug visitors could reach is
  recorded: a draft's or a scheduled item's renames leave nothing behind, so no redirect
  ever names a slug that was never public.
- Whatever object takes a slug (a new one, or the old owner taking it back) removes the
  redirect from it: a live object always wins over an old address, and no redirect loops.
- Deleting an object deletes its redirects.
- A redirect written or deleted moves the content version (core.content_changes), so no page
  cache keeps answering with the old 301 or the old 404.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from core.content_changes import Change, record
from core.publishing import Publishable
from core.stored_row import stored_before
from redirects.models import SlugRedirect

BEFORE = "_slug_before"


def redirected_models():
    """Every model whose old addresses redirect: those recorded here by slug, and those that
    record old paths of their own (`redirect_old_paths`: simple pages, pages.old_paths)."""
    return [
        model
        for model in apps.get_models()
        if any(getattr(model, flag, False) for flag in ("redirect_old_slugs", "redirect_old_paths"))
    ]


def slug_models():
    return [model for model in apps.get_models() if getattr(model, "redirect_old_slugs", False)]


def is_public(model, row, now=None):
    """Whether a row with these stored values is visible to the public (taxonomy always is)."""
    if not issubclass(model, Publishable):
        return True
    return model.visible(row, now or timezone.now())


def _stored(model, pk, using):
    fields = ("slug", *model.publishing_fields) if issubclass(model, Publishable) else ("slug",)
    return model._base_manager.using(using).filter(pk=pk).values(*fields).first()


def before_save(sender, instance, raw, using, update_fields=None, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and "slug" not in update_fields):
        setattr(instance, BEFORE, None)
        return
    # A visible item's row was read once for this save already (core.stored_row).
    before = stored_before(instance)
    setattr(instance, BEFORE, _stored(sender, instance.pk, using) if before is ... else before)


def saved(sender, instance, raw, using, created=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "slug" not in update_fields):
        return
    before = getattr(instance, BEFORE, None)
    if before is not None and before["slug"] == instance.slug and not created:
        return
    content_type = ContentType.objects.db_manager(using).get_for_model(sender)
    redirects = SlugRedirect.objects.using(using)
    # The object's own slug leads to it, whatever redirect had it before.
    for taken in redirects.filter(content_type=content_type, old_slug=instance.slug):
        taken.delete()
    if before is not None and before["slug"] and is_public(sender, before):
        redirects.update_or_create(
            content_type=content_type,
            old_slug=before["slug"],
            defaults={"object_id": instance.pk},
        )


def deleted(sender, instance, using, **kwargs):
    content_type = ContentType.objects.db_manager(using).get_for_model(sender)
    for redirect in SlugRedirect.objects.using(using).filter(
        content_type=content_type, object_id=instance.pk
    ):
        redirect.delete()


def redirect_changed(sender, raw=False, **kwargs):
    """A redirect's 301 (or the 404 before it) may be stored with the pages: move them on."""
    record(Change(public=True))


def connect():
    for model in slug_models():
        label = model._meta.label_lower
        pre_save.connect(before_save, sender=model, dispatch_uid=f"redirects-before-{label}")
        post_save.connect(saved, sender=model, dispatch_uid=f"redirects-saved-{label}")
        post_delete.connect(deleted, sender=model, dispatch_uid=f"redirects-deleted-{label}")
    for signal in (post_save, post_delete):
        signal.connect(redirect_changed, sender=SlugRedirect, dispatch_uid=f"redirects-{signal}")
