"""Test runs: fast hashing, an in-memory cache and a throwaway media folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SITE_URL = "https://www.example.org"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change content and read the pages back at once: every request reads the version.
CONTENT_VERSION_SECONDS = 0
# Each test's rows live in its own transaction, which a warm-up thread cannot read: requests
# build the facet index inline (tests/news/listing/test_warmup.py tests the thread).
FACET_INDEX_IN_BACKGROUND = False
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="osce-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="osce-test-private-media-"))

# Serve static files straight from the finders; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Tests read whether a page came from the page cache.
PAGE_CACHE_HEADER = True

# Tests make hundreds of API requests from one address; tests/api/test_throttling.py sets a
# limit of its own.
API_RATE_LIMIT = "off"
# Tasks run where they are enqueued (tests/alerts runs the db_worker path on its own); mails
# land in django.core.mail.outbox.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
DEFAULT_FROM_EMAIL = "alerts@example.org"
