"""News items' API objects, kept one per item and language like the listing's cards
(news.views.listing): under the base state (an object names its tags and issuers) and stored
with the item's own version (core.content_changes), read in the same round trip, so an edit of
one item serializes only that item again and an object stored before the edit is never served
after it.

Measured with 300 items, a page of 20 (tests' SQLite, no page cache): serializing every page's
items afresh (four queries for the rows and their tags, then Django REST framework's fields)
took three times the HTML listing's time per uncached page; from this cache, a page loads and
serializes only the items it lacks.
"""

from django.core.cache import cache

from core import languages
from core.content_changes import item_key, item_versions
from news.models import NewsItem
from news.selectors import load_rows

OBJECT_SECONDS = 600


def object_key(state, language, pk):
    return f"api-news-item:{state}:{language}:{pk}"


def news_objects(ids, state, serialize):
    """The objects of the items `ids`, in order: from the cache where stored under their
    item's current version, else loaded, serialized (`serialize(items)` -> list of dicts) and
    stored. `state` is the base state, read before any row."""
    language = languages.active()
    keys = {pk: object_key(state, language, pk) for pk in ids}
    version_keys = {pk: item_key(NewsItem, pk) for pk in ids}
    found = cache.get_many([*keys.values(), *version_keys.values()])
    versions = item_versions(list(version_keys.values()), found)
    objects = {}
    for pk, key in keys.items():
        stored = found.get(key)
        if stored is not None and stored[0] == versions[version_keys[pk]]:
            objects[pk] = stored[1]
    missing = [pk for pk in ids if pk not in objects]
    if missing:
        fresh = {data["id"]: data for data in serialize(load_rows(missing))}
        objects.update(fresh)
        cache.set_many(
            {keys[pk]: (versions[version_keys[pk]], data) for pk, data in fresh.items()},
            OBJECT_SECONDS,
        )
    return [objects[pk] for pk in ids if pk in objects]
