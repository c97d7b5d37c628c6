"""The facet index is made ready beside the requests, never inside one.

Building the index reads every published item and its tags: 4.3 s at 100,000 items on the
benchmark machine (under load; 13.9 s measured before), during which the visitor whose request
found no index waited. Loading a built index from the shared cache takes 26 ms. So:

- the gunicorn master loads or builds the index for the current state before it binds its
  socket and forks (`warm`, gunicorn.conf.py): every worker starts with it in memory (shared
  copy-on-write), one build per server start instead of one per worker without a shared cache.
  With a shared cache a child process builds it and the master loads what it stored: a build
  left the master 29 MB larger (its rows' memory is not given back), and every worker with it;
  loading it, 12 MB;
- each worker then keeps it current in a thread of its own (`start`): a request that finds the
  index older than the content state wakes the thread and is answered by the SQL path, and so
  are the requests after it until the thread has loaded the new index (or built it: one process
  builds per state, under the index's cache lock, the others load what it stored). An index a
  few changes behind (an editor's save) is caught up by the request itself: milliseconds,
  where each page a save renders again took hundreds by SQL.

`ready_index()` therefore never builds, never loads and never waits for another process. Test
runs build inline (`FACET_INDEX_IN_BACKGROUND = False`): their rows live in a transaction no
thread can see.

Every listing definition with `indexed` (news, projects, documents; `indexed_listings()` finds
them in each app's `listing` module) has an index of its own, warmed and kept current alike.
"""

import logging
import multiprocessing
import threading
import time

from django.conf import settings
from django.db import connections
from django.utils.module_loading import autodiscover_modules

from news.listing.definition import NEWS, Listing
from news.listing.index import caught_up, current_index, is_current

logger = logging.getLogger(__name__)

# While another process builds the index, ask the cache for it again this often at most.
RETRY_SECONDS = 0.5

_ready = {}  # listing name -> the newest index of it this process holds
_wanted = threading.Event()
_thread = None
_thread_lock = threading.Lock()


def indexed_listings():
    """Every listing definition with a facet index: the news' and those of the apps'
    `listing` modules (projects.listing, documents.listing), imported here if need be."""
    autodiscover_modules("listing")
    return [listing for listing in Listing.defined if listing.indexed]


def ready_index(listing=NEWS):
    """The listing's index for the current content state if this process holds it or an
    index a few changes behind it (caught up here: news.listing.index.caught_up, milliseconds,
    where the SQL path takes hundreds for the pages a change renders again), else None (the
    SQL path answers, and the warm-up thread is asked to fetch it)."""
    if not settings.FACET_INDEX_IN_BACKGROUND:
        return current_index(listing)
    index = _ready.get(listing.name)
    if index is not None and is_current(index):
        return index
    index = index and caught_up(index)
    if index is not None:
        _ready[listing.name] = index
        return index
    start()
    return None


def _fetch():
    """Load or build the current index of every indexed listing (False while another process
    builds one); the connections it opened are closed, so that none idles in a thread or
    crosses a fork."""
    complete = True
    try:
        for listing in indexed_listings():
            index = _ready.get(listing.name)
            if index is not None and is_current(index):
                continue
            index = current_index(listing)
            if index is None:
                complete = False
            else:
                _ready[listing.name] = index
    except Exception:
        logger.exception("facet index warm-up failed; the SQL path answers meanwhile")
        complete = False
    finally:
        connections.close_all()
    return complete


def warm():
    """Load or build the index now, in this thread: the gunicorn master before its workers
    are forked, when no visitor can be waiting yet."""
    if getattr(settings, "SHARED_CACHE", False):
        connections.close_all()  # a connection must never be shared with a forked child
        builder = multiprocessing.get_context("fork").Process(target=_fetch)
        builder.start()
        builder.join()
    _fetch()


def start():
    """Ask this process's warm-up thread for the current index, starting it if need be."""
    global _thread
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="facet-index-warm-up", daemon=True)
            _thread.start()
    _wanted.set()


def _run():
    while True:
        _wanted.wait()
        _wanted.clear()
        if not _fetch():
            # Requests go on waking the thread while another process builds: ask again soon,
            # not once per request.
            time.sleep(RETRY_SECONDS)
