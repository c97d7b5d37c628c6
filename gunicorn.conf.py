"""gunicorn settings for the app servers; each value can be overridden by environment.

Run from the repository's folder: `gunicorn` (this file is read by default) with
`DJANGO_SETTINGS_MODULE=osce_site.settings.prod` and the variables in `.env.example`.
gunicorn's own lines (start, workers, access log) are JSON on stdout like the site's, so one
log collector reads them all.
"""

import gc
import multiprocessing
import os

# Only the front proxy on this host talks to gunicorn (deploy/nginx/): its sync workers must
# never face slow or idle clients themselves. A unix socket (unix:/run/osce/gunicorn.sock) will do.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "sync" if threads == 1 else "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so slow leaks can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# Import the app once in the master: workers share its memory pages and start fast.
preload_app = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access lines name the visitor the proxy passes in X-Forwarded-For (from those addresses only).
logger_class = "osce_site.access_log.ForwardedAccessLogger"
wsgi_app = os.environ.get("GUNICORN_WSGI_APP", "osce_site.wsgi:application")
# gunicorn 25+ opens a control socket at one fixed path per user; several app servers (or a
# benchmark beside the site) on one host would take it from each other. Signals do the same
# job (HUP reloads, TTIN/TTOU add and remove workers, TERM stops gracefully).
control_socket_disable = True

_access_log = os.environ.get("GUNICORN_ACCESS_LOG", "1") == "1"
accesslog = "-" if _access_log else None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "osce_site.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {
            "handlers": ["stdout"],
            "level": "INFO" if _access_log else "WARNING",
            "propagate": False,
        },
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
}


def _site_loaded():
    """Whether the app is this site (not, say, the benchmark's bare app)."""
    from django.apps import apps

    return apps.ready and apps.is_installed("news")


def on_starting(server):
    """With the app preloaded, the master loads or builds the facet index and serves itself the
    busiest pages before it binds the socket and forks (osce_site.prefork): every worker starts
    warm, and no visitor can be connected yet to wait. What it then holds is frozen out of the
    garbage collector: a collection in a worker would otherwise write to every object inherited
    from the master and copy its memory page."""
    if server.cfg.preload_app and _site_loaded():
        from osce_site.prefork import warm_process

        warm_process()
        gc.freeze()


def post_worker_init(worker):
    """Each worker keeps the index current beside its requests (news.listing.warmup)."""
    if _site_loaded():
        from news.listing import warmup

        warmup.start()
