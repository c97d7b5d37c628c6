"""Deliberate outages (PostgreSQL restarted, Redis stopped) and what visitors got meanwhile."""

import threading
import time

from services import log, restart_postgres, start_redis, stop_redis
from site_process import fetch

MAX_RECOVERY_SECONDS = 15


class Probe(threading.Thread):
    """Requests an uncacheable page four times a second and remembers what came back."""

    def __init__(self, site):
        super().__init__(daemon=True)
        self.site = site
        self.samples = []
        self.stopped = threading.Event()

    def run(self):
        counter = 0
        while not self.stopped.is_set():
            counter += 1
            started = time.monotonic()
            status, body = fetch(f"{self.site}/news/?q=probe{counter}", timeout=10)
            in_layout = 'class="site-header"' in body and 'class="site-footer"' in body
            self.samples.append((started, status, in_layout, body))
            time.sleep(max(0.0, 0.25 - (time.monotonic() - started)))

    def report(self, outage_start, outage_end):
        during = [s for s in self.samples if outage_start <= s[0] <= outage_end + 0.5]
        after = [s for s in self.samples if s[0] > outage_end]
        recovered = next((s[0] for s in after if s[1] == 200), None)
        statuses = {}
        for _, status, _, _ in during:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        unavailable = [s for s in during if s[1] == 503]
        return {
            "probe_statuses_during_outage": statuses,
            "outage_pages_in_site_layout": all(s[2] for s in unavailable),
            "outage_page_says_unavailable": all("briefly unavailable" in s[3] for s in unavailable),
            "seconds_to_recover_after_service_back": (
                round(recovered - outage_end, 2) if recovered is not None else None
            ),
        }


def run_outage(args, site, kind, result):
    probe = Probe(site)
    probe.start()
    time.sleep(3)
    started = time.monotonic()
    if kind == "postgres":
        log(f"Restarting PostgreSQL cluster {args.pg_cluster}")
        result["restart_seconds"] = round(restart_postgres(args.pg_cluster), 2)
    else:
        log(f"Stopping Redis on port {args.redis_port} for 20 seconds")
        stop_redis(args.redis_port)
        time.sleep(20)
        start_redis(args.redis_port)
        log("Redis is back")
    ended = time.monotonic()
    time.sleep(MAX_RECOVERY_SECONDS)
    probe.stopped.set()
    probe.join()
    result.update(probe.report(started, ended))
    result["outage_seconds"] = round(ended - started, 2)
