"""Which release of the code is running, as a short name for cache keys.

Everything the site keeps in the shared cache was made by one release's code: pages and
fragments hold its markup and the hashed names of its static files, the facet index its
layout. Keyed by the content state alone they would outlive a deploy: for up to ten minutes
the new app servers would serve the old markup, linking to static files the deploy removed,
and during a rolling deploy old and new servers would read each other's entries. So the
release is part of the content state (`core.content_state.state_of`) and of the menu's key:
each release has its own entries, and the old ones expire unread.

`RELEASE` names it (a deploy pipeline can set the commit it built); without it, a hash of the
code, templates, static files and translation sources is computed once per process.
"""

import hashlib
from functools import lru_cache

from django.conf import settings

SOURCE_FOLDERS = ("osce_site", "news", "countries", "structures", "templates", "static", "locale")
# Built from files that are hashed already, or caches of them.
SKIPPED_SUFFIXES = (".pyc", ".mo")


def release():
    return getattr(settings, "RELEASE", "") or code_fingerprint()


@lru_cache(maxsize=1)
def code_fingerprint():
    """The first 12 hex digits of a hash over every source file's path and content."""
    digest = hashlib.sha256()
    for folder in SOURCE_FOLDERS:
        root = settings.BASE_DIR / folder
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.suffix in SKIPPED_SUFFIXES:
                continue
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:12]
