"""Production: all from the environment; refuses to start half-configured."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CACHE_URL,
    CACHES,
    DATABASES,
    SECRET_KEY,
    SECURE_CSP,
    env_bool,
)

if not SECRET_KEY or len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("change-me", "dev-")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of 50 or more characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names.")

DEBUG = False

# Every account with admin access signs in with a second factor (website.signin).
OTP_REQUIRED = env_bool("OTP_REQUIRED", default=True)

# Persistent connections checked before reuse; no server-side cursors, so a
# transaction-mode pooler (PgBouncer) can sit between the app servers and PostgreSQL.
for database in DATABASES.values():
    if database["ENGINE"] == "django.db.backends.postgresql":
        database["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))
        database["CONN_HEALTH_CHECKS"] = True
        database["DISABLE_SERVER_SIDE_CURSORS"] = True

# Web requests only (osce_site.statement_timeout): a query that runs longer is cancelled and
# the visitor gets the 503 page instead of a worker held until gunicorn's timeout.
STATEMENT_TIMEOUT_MS = int(os.environ.get("STATEMENT_TIMEOUT_MS", "5000"))

# A stopped Redis degrades to cache misses (osce_site.resilient_cache), not to 500s.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "osce_site.resilient_cache.ResilientRedisCache"

# Only a cache shared by every app server (Redis) can hold sessions and whole pages: with
# one memory cache per process, a logout or a content change made through one process would
# go unseen by the others. Without CACHE_URL sessions live in the database and the page cache
# stays off.
SHARED_CACHE = CACHE_URL.startswith(("redis://", "rediss://"))
if SHARED_CACHE:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
PAGE_CACHE = SHARED_CACHE and env_bool("PAGE_CACHE", default=True)

# E-mail alerts go out through this SMTP server (README, "E-mail alerts").
# (The usual variable names; Django 6.1 configures mailers with MAILERS, not EMAIL_*.)
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", default=False),
            "use_ssl": env_bool("EMAIL_USE_SSL", default=False),
            "timeout": int(os.environ.get("EMAIL_TIMEOUT", "30")),
        },
    }
}
# The sender of alerts; by default an address at the site's first host name.
DEFAULT_FROM_EMAIL = (
    os.environ.get("DEFAULT_FROM_EMAIL") or f"alerts@{ALLOWED_HOSTS[0].lstrip('.')}"
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.private_media.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded media in S3-compatible object storage when a bucket is configured
# (django-storages reads the AWS_* variables itself; see the README's "Deploy").
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
    # Pictures of unpublished items (core.private_media): a bucket of their own, or this one
    # under private/; either way readable only with the app's keys. The app streams them to
    # editors itself; a URL made by mistake is signed and expires in five minutes.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "bucket_name": os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME")
            or os.environ["AWS_STORAGE_BUCKET_NAME"],
            "location": "" if os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME") else "private",
            "custom_domain": None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "object_parameters": {"CacheControl": "private, no-store"},
        },
    }


def media_origins():
    """Where pages load uploaded images from when media are not on this host: the CDN or
    custom domain, else the object store's own addresses (virtual-hosted and path style)."""
    if override := os.environ.get("MEDIA_ORIGIN"):
        return [override.rstrip("/")]
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return []
    if domain := os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{domain}"]
    if endpoint := os.environ.get("AWS_S3_ENDPOINT_URL"):
        parts = urlsplit(endpoint)
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    region = os.environ.get("AWS_S3_REGION_NAME")
    hosts = [f"{bucket}.s3.amazonaws.com"]
    if region:
        hosts += [f"{bucket}.s3.{region}.amazonaws.com", f"s3.{region}.amazonaws.com"]
    return [f"https://{host}" for host in hosts]


# The Content-Security-Policy lets pages show media from wherever they are stored.
SECURE_CSP = {
    **SECURE_CSP,
    "img-src": [*SECURE_CSP["img-src"], *media_origins()],
    "media-src": [*SECURE_CSP.get("media-src", [CSP.SELF]), *media_origins()],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "osce_site.logging.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.security.DisallowedHost": {"level": "ERROR"}},
}
