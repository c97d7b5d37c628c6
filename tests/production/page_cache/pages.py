"""Fetching a page as the page cache's tests read it."""

import secrets

from news.views import listing
from osce_site.page_cache import HEADER


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def kept_and_rendered(visitor, settings, pages, steps, change, patch=None):
    """Each step: visit `pages`, make a `change()`, visit them again; every page served from
    the cache must be the page rendered afresh (with the page cache off, and with `patch`, a
    pytest `monkeypatch`, also the filter panel: a fragment kept on its own). Returns how many
    were kept and how many rendered again, so a test can show both happened."""
    kept = rendered = 0
    for _step in range(steps):
        for url in pages:
            fetch(visitor, url)
        change()
        for url in pages:
            response, body = fetch(visitor, url)
            fresh = _fresh(visitor, settings, url, patch)
            if response[HEADER] == "HIT":
                kept += 1
                assert body == fresh, url
            else:
                rendered += 1
    return kept, rendered


def _fresh(visitor, settings, url, patch):
    settings.PAGE_CACHE = False
    try:
        if patch is None:
            return fetch(visitor, url)[1]
        with patch.context() as patched:
            patched.setattr(listing, "filter_panel_key", lambda *_args: secrets.token_hex())
            return fetch(visitor, url)[1]
    finally:
        settings.PAGE_CACHE = True
