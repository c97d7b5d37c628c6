"""Settings of the site that the browser tests serve in a separate process.

The test settings, with the few values the test run passes in: the server and the process that
prepares its data must share the media folders, public and private (the test settings make new
temporary ones per process: the demo's PDFs, stored privately by the preparing process, would be
missing for the server), and feeds must link to the server the browser talks to.
"""

import os
from pathlib import Path

from osce_site.settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.browser.urls"
MEDIA_ROOT = Path(os.environ["BROWSER_MEDIA_ROOT"])
PRIVATE_MEDIA_ROOT = MEDIA_ROOT.parent / "private-media"
SITE_URL = os.environ["BROWSER_SITE_URL"]

# E-mail alerts go to the SMTP server the test run starts (tests/browser/conftest.py).
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": int(os.environ["BROWSER_SMTP_PORT"])},
    }
}
