"""A staff member's admin language, read on every admin request (osce_site.middleware).

The row (`AdminPreference`) is the record; the cache holds a copy per user, "" for none, so a
signed-in page costs no query once read and a choice made on one computer reaches the others
at their next request (the cache is shared by the app servers). A cache that fails or forgets
only costs the query.
"""

from django.core.cache import cache

from editorial.models import AdminPreference

DAY = 24 * 3600


def _key(user):
    return f"admin-language:{user.pk}"


def admin_language(user):
    """The language `user` chose for the admin, or "" when they chose none."""
    language = cache.get(_key(user))
    if language is None:
        found = AdminPreference.objects.filter(user=user).values_list("language", flat=True)
        language = found.first() or ""
        cache.set(_key(user), language, DAY)
    return language


def choose_admin_language(user, language):
    AdminPreference.objects.update_or_create(user=user, defaults={"language": language})
    cache.set(_key(user), language, DAY)
