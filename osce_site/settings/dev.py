"""Local development: DEBUG on, an insecure key, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, env_list

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# Serve static files straight from the finders, DEBUG or not; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Uploaded pictures from Django too, also with DEBUG off (`./run serve` shows the demo with
# the site's own error pages); in production a web server or object storage serves them.
SERVE_MEDIA = True
