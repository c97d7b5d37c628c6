"""Test settings plus a read replica that mirrors the default database (for replica_checks)."""

from osce_site.settings.test import *  # noqa: F403
from osce_site.settings.test import DATABASES

DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
# The checks move the content version all the time; the lag window has its own check.
REPLICA_LAG_SECONDS = 0
