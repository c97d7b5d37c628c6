"""Run the alerts' clock once (cron, every minute), or every `--loop` seconds (`./run serve`)."""

import time

from django.core.management.base import BaseCommand

from alerts.schedule import tick


class Command(BaseCommand):
    help = "Match newly visible items, retry due alerts, start digests, purge unconfirmed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", type=float, default=0, help="Repeat every this many seconds until stopped."
        )

    def handle(self, *args, loop=0, **options):
        try:
            self._run(loop, options["verbosity"])
        except KeyboardInterrupt:
            return

    def _run(self, loop, verbosity):
        while True:
            result = tick()
            if verbosity > 1 or any(result.values()):
                self.stdout.write(
                    "alerts: {matched} immediate subscriptions owed mail, {retried} retried, "
                    "digests started: {digests}, {purged} unconfirmed deleted".format(
                        matched=result["matched"],
                        retried=result["retried"],
                        digests=", ".join(result["digests"]) or "none",
                        purged=result["purged"],
                    )
                )
            if not loop:
                return
            time.sleep(loop)
