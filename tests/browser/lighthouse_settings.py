"""Production settings for `scripts/lighthouse.sh`, plus uploaded media served by Django:
in production a web server or object storage serves /media/, and the audited pages show
uploaded pictures."""

from osce_site.settings.prod import *  # noqa: F403

ROOT_URLCONF = "tests.browser.urls"
