"""Settings shared by every environment.

Environment variables are read here and nowhere else, so an operator can see in one file
everything the deployment can be configured with (see `.env.example`).
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Absolute URLs in feeds, sitemaps and e-mails come from here, never from the request's Host.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Translated where the catalogues have it (core.text.site_name): OSZE, ОБСЕ, ...
SITE_NAME = os.environ.get("SITE_NAME", "OSCE")

INSTALLED_APPS = [
    # Before the admin, so its translated fields and admin classes are registered first.
    "modeltranslation",
    # The admin with the second factor at sign-in (website.signin.admin_site).
    "website.signin.apps.SignInAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
    "django_filters",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Background tasks in the database (django.tasks; `manage.py db_worker` runs them).
    "django_tasks_db",
    # The rich-text editor's scripts, styles and dialog strings (core.richtext_editor).
    "django_prose_editor",
    "core",
    "redirects",
    "search",
    "countries",
    "structures",
    "editorial",
    "news",
    "projects",
    "field_operations",
    "pages",
    "documents",
    "media_library",
    "website",
    "api",
    "alerts",
    "demo",
    # Last: their catalogues must not override any of ours or the apps' above.
    "rest_framework",
    "drf_spectacular",
    # Swagger UI's files for /api/v1/docs/, served with our static files (no CDN).
]

MIDDLEWARE = [
    # Whole anonymous pages from the shared cache (osce_site.page_cache), outermost: a hit
    # runs no other middleware and is served with the headers they gave the stored page.
    "osce_site.page_cache.PageCacheMiddleware",
    # `Access-Control-Allow-Origin: *` on the API's GET responses, 304s included
    # (api.cors): below the page cache, which stores it with the page, above ConditionalGet.
    "api.cors.ApiCorsMiddleware",
    "osce_site.security_headers.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # High up, so responses made by the middleware below it (a bad Host's 400, a CSRF
    # failure's 403) carry the policy too.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Before anything reads a body (CsrfViewMiddleware would): bodies only for the admin.
    "osce_site.request_bodies.PublicMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "osce_site.db_router.ReplicaPinMiddleware",
    "osce_site.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the user is known: the admin in its user's language, wherever they sign in.
    "osce_site.middleware.AdminLanguageMiddleware",
    # request.user.is_verified(): did this session pass the second factor?
    "django_otp.middleware.OTPMiddleware",
    # The signed marker by which the page cache knows a signed-in user (osce_site.signed_in).
    "osce_site.signed_in.SignedInMarkerMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "osce_site.db_errors.DatabaseUnavailableMiddleware",
    # Turns a sign-in refused for too many failures into the lockout page (website.signin).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "osce_site.urls"
# Widgets render through TEMPLATES, so the project's templates/ may override a widget's template.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "osce_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "osce_site.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; the busy timeout absorbs short write bursts.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# An optional read replica for visitors' page views (osce_site.db_router says when).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(
            os.environ["DATABASE_REPLICA_URL"],
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
            conn_health_checks=True,
        ),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["osce_site.db_router.ReplicaRouter"]
# PostgreSQL's JIT compiles any query its planner costs high, which the admin's searches and
# counts over 100,000 rows are: 200+ ms of compiling for queries that run in tens. Off for
# this application's connections (DB_JIT=1 keeps the server's setting); a pooler in front
# must pass the `options` startup parameter (PgBouncer: ignore_startup_parameters = options
# drops it instead, then set `ALTER DATABASE … SET jit = off`).
#
# Ranking a search that matches a sixth of 1,000,000 news items builds a bitmap of the matching
# rows and sorts them (search.backends.ranked_rows): with PostgreSQL's default 4 MB the bitmap
# loses its exactness (every row of the pages it cannot keep is read and tested again) and the
# sort spills to disk, 1.6 s becoming 3.0 s. 32 MB for this application's connections
# (DB_WORK_MEM, in PostgreSQL's units; empty keeps the server's), passed the same way.
DB_WORK_MEM = os.environ.get("DB_WORK_MEM", "32MB")
if DB_WORK_MEM and not re.fullmatch(r"\d+(kB|MB|GB)", DB_WORK_MEM):
    raise ImproperlyConfigured(f"DB_WORK_MEM must be like 32MB, not {DB_WORK_MEM!r}.")
_CONNECTION_SETTINGS = [
    *([] if env_bool("DB_JIT", default=False) else ["jit=off"]),
    *([f"work_mem={DB_WORK_MEM}"] if DB_WORK_MEM else []),
]
for database in DATABASES.values():
    if database["ENGINE"] == "django.db.backends.postgresql" and _CONNECTION_SETTINGS:
        options = database.setdefault("OPTIONS", {})
        added = " ".join(f"-c {setting}" for setting in _CONNECTION_SETTINGS)
        options["options"] = f"{options.get('options', '')} {added}".strip()
# Seconds after a content change during which page views still read from the primary.
REPLICA_LAG_SECONDS = float(os.environ.get("REPLICA_LAG_SECONDS", "5"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "osce",
            # Plain data, never pickles, through Redis (osce_site.cache_serializer).
            "OPTIONS": {"serializer": "osce_site.cache_serializer.PlainDataSerializer"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The running release's name in cache keys (core.release); by default a hash of the code.
RELEASE = os.environ.get("RELEASE", "")

# How long a process trusts the content version it last read (core.content_state; at most 1 s,
# so every app server serves a change within a second).
CONTENT_VERSION_SECONDS = 1.0
# The facet index is loaded or built by a thread beside the requests (news.listing.warmup).
FACET_INDEX_IN_BACKGROUND = True

# Whole anonymous pages in the cache, keyed by the content version (osce_site.page_cache).
# On in production (prod.py); PAGE_CACHE=0 switches it off, e.g. to measure without it.
PAGE_CACHE = env_bool("PAGE_CACHE", default=False)
PAGE_CACHE_SECONDS = 600
# `X-Page-Cache: HIT|MISS` on responses: for tests and benchmarks only, since it tells anyone
# which pages (and searches) others asked for.
PAGE_CACHE_HEADER = env_bool("PAGE_CACHE_HEADER", default=False)
# How much of the pages it served a process keeps (the hot pages fit; the memory per worker is
# bounded, issue 15: a worker of 150 MB at most at 100,000 items).
PAGE_CACHE_LOCAL_BYTES = 8 * 1024 * 1024
# How much a process keeps of what it read from the shared cache under keys that never change
# their value: fragments, item rows, the menu (core.fragments).
FRAGMENT_LOCAL_BYTES = 4 * 1024 * 1024

# The JSON API (api/): read-only JSON for anyone, no sessions, no browsable pages (a second
# renderer would make responses vary on Accept, which the page cache does not store).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # `?format=` means nothing: JSON is the only format.
    "URL_FORMAT_OVERRIDE": None,
    # No OPTIONS description: the API answers GET and HEAD only.
    "DEFAULT_METADATA_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OSCE site API",
    "DESCRIPTION": (
        "Read-only JSON of the public site: news, meetings and projects with the listings' own "
        "filters and facet counts, single items, and the taxonomy. Published content only. The "
        "language is the URL's prefix (/ru/api/v1/...) or `?lang=`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
}
# Requests per client that reach an API view (cached responses are not counted, api.throttling):
# "<number>/<second|minute|hour|day>"; empty or "off" for no limit.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/minute")
# Background tasks (django.tasks): stored in the database and run by `manage.py db_worker`
# (started beside the web server by `./run serve`; its own processes in production).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# E-mail (alerts), through Django 6.1's MAILERS: the console in development; SMTP from the
# environment in production (prod.py); Django's in-memory outbox in tests.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "alerts@localhost")
# E-mail alerts (alerts/): the daily digest goes out after this hour (local time), the weekly
# one from this weekday (0 = Monday) on; an address refused this many times (SMTP 5xx) is
# suspended; a mail is tried this many times; subscription requests allowed per hour.
ALERTS_DIGEST_HOUR = int(os.environ.get("ALERTS_DIGEST_HOUR", "7"))
ALERTS_WEEKLY_DAY = int(os.environ.get("ALERTS_WEEKLY_DAY", "0"))
ALERTS_BOUNCE_LIMIT = int(os.environ.get("ALERTS_BOUNCE_LIMIT", "3"))
ALERTS_MAX_ATTEMPTS = int(os.environ.get("ALERTS_MAX_ATTEMPTS", "8"))
ALERTS_RATE_PER_ADDRESS = int(os.environ.get("ALERTS_RATE_PER_ADDRESS", "5"))
ALERTS_RATE_PER_CLIENT = int(os.environ.get("ALERTS_RATE_PER_CLIENT", "20"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The organisation's six official languages. English is the default: its URLs carry no
# prefix (/news/), the others do (/ru/news/). Adding one means a migration (translated
# columns) and a locale/ catalogue.
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
# Translated content lives in columns of the same table (title_en, title_ru, ...): a
# listing reads one row per item whatever the language (DESIGN.md, "Languages").
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# A missing translation reads as English, then any language the item has, so no field is
# ever blank; pages say so when they show text in another language (core.languages).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "ru", "fr", "de", "es", "it")}
# The rich-text editor's own extensions (core.richtext_editor): the internal-link chooser,
# paste cleaning, and table headers with a scope. Their processors say what HTML each may
# produce, so the editor's allow-list can be checked against the sanitiser's.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("admin_richtext/extensions.js")],
        "extensions": {
            "InternalLink": html_tags(["a"], {"a": ["href"]}),
            "CleanPaste": html_tags([]),
            "TableHeader": html_tags(["th"], {"th": ["scope"]}),
            "OrderedList": html_tags(["ol"], {"ol": ["start", "type"]}),
        },
    }
]
TIME_ZONE = "Europe/Vienna"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["osce_site.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The files of unpublished content (core.private_media): outside MEDIA_ROOT, so that nothing
# serving /media/ (nginx, Django under DEBUG) can reach them.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.private_media.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: images are validated in news.images; these bound what Django buffers per request.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# Sign-in (README, "Security"). Axes's backend comes first: a locked-out attempt is refused
# before the password hasher runs, so hammering a locked account costs no CPU. Then Django's
# model backend, which also says whether the user has a second factor (website.signin).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "website.signin.backends.SignInBackend",
]
# Failures are counted per username and, separately, per client address: guessing one
# account's password from many addresses, or many accounts' from one, both end in a lockout.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGNIN_LOCKOUT_MINUTES", "30")))
# Attempts during a lockout are refused without being counted, so an attacker cannot keep an
# editor locked out for longer than one cool-off by retrying.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "website.signin.lockout.lockout_response"
# Masked in axes' log lines and in the form data it keeps (the password always is); the client
# address stays readable, so the logs say where a lockout came from.
AXES_SENSITIVE_PARAMETERS = ["username", "otp_token", "csrfmiddlewaretoken"]
# Lockouts are in the admin (Axes › Access attempts) and the logs; no banner at every start.
AXES_VERBOSE = False
# Addresses (or networks) of the front proxies whose X-Forwarded-For is believed
# (core.client_ip); from anyone else the header is ignored.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")

# A second factor (authenticator app, recovery codes) for every account with admin access;
# on in production (prod.py). Off, it is still asked of those who have set one up.
OTP_REQUIRED = env_bool("OTP_REQUIRED", default=False)
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = SITE_NAME
# No one sees another account's TOTP secret or QR code in the admin (django-otp's device
# pages answer 403); each user sees their own once, on the enrolment page.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Staff sessions end after 8 hours without an admin request (website.signin.sessions keeps
# them alive while they are used).
SESSION_COOKIE_AGE = 8 * 60 * 60

LOGIN_URL = "admin:login"
# Where a sign-in lands when its `next` is missing or points off the site.
LOGIN_REDIRECT_URL = "admin:index"

# Scripts only from our own static files (or a nonce where inline code is unavoidable);
# nothing may frame the site.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
