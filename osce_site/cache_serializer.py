"""What the app servers share through Redis is stored as plain data, never unpickled.

Django's Redis backend pickles values by default, and unpickling runs whatever the bytes name:
anyone who can write to Redis (a misconfigured network, a shared instance, a leaked password)
could run code on every app server. Everything this site keeps there is plain data — pages
(status, headers, bytes), HTML fragments, the facet index's bytes, lists of ids, sessions'
dicts of strings, counters — so `marshal` of plain types is enough and reads nothing but data.

Subclasses of plain types (a NamedTuple page entry, a SafeString fragment) are stored as their
base type; readers rebuild what they need (the page cache its Entry, fragments `mark_safe`).
A value that is not plain data is refused when stored, loudly, rather than silently pickled.
A stored value this serializer did not write (a pickle left by an older release) reads as a
miss, and the key is simply written again.
"""

import marshal

# Marks our values, so that a value written by another serializer is recognised as foreign.
PREFIX = b"osce1:"
# Exact built-in types for each plain type, subclasses included (SafeString, TextChoices,
# IntEnum, NamedTuple): marshal refuses subclasses.
_AS_BUILTIN = (
    (bool, bool),
    (int, int),
    (float, float),
    (str, lambda value: "" + value),  # str() of a SafeString is the SafeString itself
    (bytes, bytes),
)


def plain(value):
    """`value` as exact built-in types, or TypeError."""
    if value is None or type(value) in (bool, int, float, str, bytes):
        return value
    for kind, convert in _AS_BUILTIN:
        if isinstance(value, kind):
            return convert(value)
    if isinstance(value, list | tuple):
        converted = [plain(item) for item in value]
        return converted if isinstance(value, list) else tuple(converted)
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in value.items()}
    if isinstance(value, set | frozenset):
        return frozenset(plain(item) for item in value)
    raise TypeError(f"Only plain data is stored in the shared cache, not {type(value).__name__}.")


class PlainDataSerializer:
    """Django RedisCache `serializer`: integers stay raw (INCR works on them), everything
    else is `PREFIX` + marshal of plain data."""

    def dumps(self, obj):
        if type(obj) is int:
            return obj
        return PREFIX + marshal.dumps(plain(obj))

    def loads(self, data):
        if isinstance(data, int):
            return data
        if data.startswith(PREFIX):
            try:
                return marshal.loads(data[len(PREFIX) :])
            except (EOFError, ValueError, TypeError):
                return None
        try:
            return int(data)
        except ValueError:
            return None
