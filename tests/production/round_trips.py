"""A local-memory cache that keeps a public record of its reads, so a test can say how many
round trips to a shared cache (Redis, in production) a request would make. Configured through
`settings.CACHES` like any backend, so the code under test is not patched."""

from django.core.cache.backends.locmem import LocMemCache


class RoundTripCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        #: The keys each read asked for, one list per round trip, in order.
        self.round_trips = []
        self._reading_many = False

    def get(self, key, default=None, version=None):
        if not self._reading_many:
            self.round_trips.append([key])
        return super().get(key, default, version)

    def get_many(self, keys, version=None):
        keys = list(keys)
        self.round_trips.append(keys)
        self._reading_many = True  # LocMemCache reads many keys one `get` at a time
        try:
            return super().get_many(keys, version)
        finally:
            self._reading_many = False
