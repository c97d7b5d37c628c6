"""How often one address and one client may ask to subscribe (cache counters per window).

An address gets `PER_ADDRESS` confirmation requests an hour, so nobody can flood someone's
mailbox through the form; a client address `PER_CLIENT`, so nobody can sign up thousands of
addresses from one machine. The address is hashed in the key: no address is ever in the
cache in the clear."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def _limit(name, default):
    return getattr(settings, name, default)


def _hit(key, limit):
    """Count one request under `key`; False when the window's limit is already spent."""
    window = int(time.time() // WINDOW_SECONDS)
    full_key = f"alerts-rate:{key}:{window}"
    cache.add(full_key, 0, WINDOW_SECONDS + 60)
    try:
        count = cache.incr(full_key)
    except ValueError:
        cache.set(full_key, 1, WINDOW_SECONDS + 60)
        count = 1
    return count <= limit


def allow(email, client):
    """Whether this subscription request may go ahead; counts it either way."""
    address = hashlib.sha256(email.lower().encode()).hexdigest()
    by_client = _hit(f"client:{client}", _limit("ALERTS_RATE_PER_CLIENT", 20))
    by_address = _hit(f"address:{address}", _limit("ALERTS_RATE_PER_ADDRESS", 5))
    return by_client and by_address


def retry_after():
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
