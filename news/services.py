"""What happens to news items and meetings when they are published, unpublished or scheduled,
and when an item's image changes: the rules, whatever calls them (admin actions and forms, the
importer, commands). Permissions are the caller's business; these functions only write.

Each returns the names of the fields it changed (empty when there was nothing to do), so that
callers can record the change (history, audit) in their own terms.

An item's picture (a news item's, a project's) follows its state: every change here ends with
its files where the new state wants them, public or private (news.media_privacy).
"""

from django.utils import timezone

from core.publishing import Status
from news import media_privacy, renditions


def _save(item, changed):
    if changed:
        item.save(update_fields=[*changed, "updated_at"])
        if type(item) in media_privacy.image_models():
            media_privacy.sync(item)
    return changed


def _publish(item, publish_at):
    changed = ["status"]
    item.status = Status.PUBLISHED
    if item.publish_at != publish_at:
        item.publish_at = publish_at
        changed.append("publish_at")
    # An end before the start would hide the item for good: a new publication starts afresh.
    if item.expire_at is not None and item.expire_at <= item.publish_at:
        item.expire_at = None
        changed.append("expire_at")
    return _save(item, changed)


def publish(item, *, now=None):
    """Make `item` live now, or at its `publish_at` when that is still to come (it is then
    scheduled). One already live or scheduled is left alone; an expired one is published
    again."""
    now = now or timezone.now()
    expired = item.expire_at is not None and item.expire_at <= now
    if item.status == Status.PUBLISHED and not expired:
        return []
    if item.publish_at > now:
        return schedule(item, item.publish_at, now=now)
    return _publish(item, now)


def schedule(item, publish_at, *, now=None):
    """Publish `item` at `publish_at`, a moment still to come."""
    if publish_at <= (now or timezone.now()):
        raise ValueError("A schedule needs a moment in the future; publish instead.")
    if item.status == Status.PUBLISHED and item.publish_at == publish_at:
        return []
    return _publish(item, publish_at)


def unpublish(item):
    """Take `item` off the public site; it is a draft again, its schedule kept."""
    if item.status == Status.DRAFT:
        return []
    item.status = Status.DRAFT
    return _save(item, ["status"])


def refresh_renditions(item):
    """Make the resized copies of a saved item's image (news.renditions), or drop them when it
    has none, and put its files — and those of an image it replaced — where its state wants
    them (news.media_privacy). Kept out of `NewsItem.save()`: Pillow's and the storage's work
    belongs to the paths that change an image or a state (the admin form), not to every save.
    Returns True when the item's renditions changed."""
    changed = renditions.refresh_renditions(item)
    media_privacy.sync(item)
    return changed
