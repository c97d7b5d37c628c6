"""Old addresses of simple pages: a page's address is its ancestors' slugs and its own
(`/about/contacts/`), so renaming a page, or moving it under another parent, changes its
address and those of the pages below it. Each address visitors could reach before is recorded
as a redirect (redirects.models.SlugRedirect, its `old_slug` holding the path) to the page
that had it, by the same rules as the other types' old slugs (redirects.recording):

- recorded at the model layer (the admin, the initial-pages migration's later runs, a
  script's `save()`), from what the database held before the write;
- only addresses visitors could reach (the page and every parent published);
- a redirect points at the page, so chains collapse; any page that takes an address (new,
  renamed, moved, or below one that moved) removes the redirect from it;
- deleting a page deletes its redirects (redirects.recording's delete handler);
- each redirect written or deleted moves the content version, so no cached page or 301 is
  served after the change.

Cost per save: one read of the stored slug and parent; only when either changed, one query
for the pages below it and their visibility (pages are at most three levels deep).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save

from pages.models import Page
from redirects.models import SlugRedirect
from redirects.recording import deleted

BEFORE = "_paths_before"
OLD_PATH_LENGTH = SlugRedirect._meta.get_field("old_slug").max_length


def _subtree(page_pk, using):
    """The pages at and below `page_pk` (the page, its children and grandchildren)."""
    pages = Page._base_manager.using(using)
    ids = [page_pk]
    level = [page_pk]
    while level:
        level = list(pages.filter(parent__in=level).values_list("pk", flat=True))
        ids += level
    return ids


def _public_paths(ids, using):
    """{pk: path} of the pages among `ids` that visitors can reach now."""
    public = Page.objects.using(using).public().with_ancestors().filter(pk__in=ids)
    return {page.pk: page.url_path for page in public}


def before_save(sender, instance, raw, using, update_fields=None, **kwargs):
    setattr(instance, BEFORE, None)
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"slug", "parent"} & set(update_fields):
        return
    stored = Page._base_manager.using(using).filter(pk=instance.pk).values("slug", "parent")
    stored = stored.first()
    if stored is None or (stored["slug"], stored["parent"]) == (instance.slug, instance.parent_id):
        return
    ids = _subtree(instance.pk, using)
    setattr(instance, BEFORE, (ids, _public_paths(ids, using)))


def saved(sender, instance, raw, using, created=False, update_fields=None, **kwargs):
    before = getattr(instance, BEFORE, None)
    if raw or (before is None and not created):
        return
    ids, old_paths = before or ([instance.pk], {})
    pages = Page._base_manager.using(using).select_related("parent__parent").filter(pk__in=ids)
    now = {page.pk: page.url_path for page in pages}
    content_type = ContentType.objects.db_manager(using).get_for_model(Page)
    redirects = SlugRedirect.objects.using(using).filter(content_type=content_type)
    # Every page's own address leads to it, whatever redirect had it before.
    for taken in redirects.filter(old_slug__in=list(now.values())):
        taken.delete()
    for pk, old_path in old_paths.items():
        # A path longer than a redirect can hold (three slugs of 100 characters) is left out.
        if now.get(pk) != old_path and len(old_path) <= OLD_PATH_LENGTH:
            SlugRedirect.objects.using(using).update_or_create(
                content_type=content_type, old_slug=old_path, defaults={"object_id": pk}
            )


def connect():
    pre_save.connect(before_save, sender=Page, dispatch_uid="pages-old-paths-before")
    post_save.connect(saved, sender=Page, dispatch_uid="pages-old-paths-saved")
    post_delete.connect(deleted, sender=Page, dispatch_uid="pages-old-paths-deleted")
