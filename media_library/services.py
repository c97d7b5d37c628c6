"""What a library image's edit does to the items using it: an alt text or a credit an item
took from the image (its own was empty, or the same) follows the image; one the item
overrode stays. A moved focal point cuts the items' cards again. Saved item by item, so the
pages and caches showing them move as for any edit (website.invalidation); new cards are
written without a save, so they move those pages by hand."""

from core.content_changes import item_changed
from media_library import usage
from news import services as news_services
from news.library_images import INHERITED, library_value


def propagate(image, before):
    """Bring the items using `image` in line with its edit; `before` is the image as it was."""
    focal_moved = image.focal_point != before.focal_point
    for item in usage.users(image):
        changed = []
        for field in INHERITED:
            old, new = library_value(before, field), library_value(image, field)
            mine = getattr(item, field, "") or ""
            if new and new != old and mine in ("", old):
                setattr(item, field, new)
                changed.append(field)
        if changed:
            item.save(update_fields=[*changed, "updated_at"])
        if focal_moved and news_services.refresh_renditions(item) and item.is_published:
            item_changed(type(item), item.pk, listed=False)
