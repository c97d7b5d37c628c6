"""What the gunicorn master does once, before it forks its workers (gunicorn.conf.py).

A worker forked from a preloaded master shares what the master holds. Before this, a fresh
worker's first `/news/` at 100,000 items took 3.8 s even with the facet index in memory
(benchmark machine under load): compiling the templates, populating the URL resolver, loading
the translation catalogues, reading the taxonomy and the menu. Serving the listing and the
home page once to itself here brings it to 0.35 s, in every worker, every time one is forked.
No visitor can be waiting yet: the socket is bound after this.

Everything the master holds when it forks is in every worker's resident memory, so it then
gives back what the warm-up freed (`malloc_trim`: the rows and blobs read while loading the
indexes; issue 15, memory per worker). gunicorn.conf.py then freezes the master's objects out
of the garbage collector, whose passes would otherwise write to each of them in every worker
and copy their pages.
"""

import ctypes
import ctypes.util
import gc
import logging

from django.conf import settings
from django.db import connections
from django.test import Client

from news.listing import warmup

logger = logging.getLogger(__name__)

PAGES = ("/news/", "/projects/", "/documents/", "/")


def _host():
    """A host name the site accepts (an ALLOWED_HOSTS entry, made concrete)."""
    for host in settings.ALLOWED_HOSTS:
        if host != "*":
            return host.lstrip(".")
    return "localhost"


def warm_process():
    """The facet index for the current state (loaded, or built if no process has stored
    it), then each of `PAGES` served once; no connection is left open to cross the fork."""
    warmup.warm()
    client = Client(HTTP_HOST=_host(), raise_request_exception=False)
    try:
        for path in PAGES:
            status = client.get(path, secure=True).status_code
            if status != 200:
                logger.warning("warm-up request %s answered %s", path, status)
    finally:
        connections.close_all()
    gc.collect()
    _trim_heap()


def _trim_heap():
    """Give the C heap's free pages back to the system (glibc only; elsewhere nothing)."""
    name = ctypes.util.find_library("c")
    try:
        ctypes.CDLL(name).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass
