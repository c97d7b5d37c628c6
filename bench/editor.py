"""The newsroom at work during a measured run: saves a news item through the model, as a script
or the admin would (`item.save()` and its tags' `.set()`, so every signal fires), again and
again until stopped.

    python bench/editor.py published 5   # the newest published item, every 5 s
    python bench/editor.py draft 1       # a draft, every second

Started by bench/run.py with the server's settings and cache, so its changes reach the server
as an editor's would. Prints "ready" once Django is set up, and on SIGTERM puts the item's
teaser and fields of work back as they were and prints how many saves it made.
"""

import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osce_site.settings.prod")

import django  # noqa: E402 - after the path and the settings

django.setup()

from core.publishing import Status  # noqa: E402
from news.models import FieldOfWork, NewsItem  # noqa: E402


def chosen_item(kind):
    if kind == "published":
        return NewsItem.objects.published().order_by("-issued_on", "-id").first()
    return NewsItem.objects.filter(status=Status.DRAFT).order_by("id").first()


def main():
    kind, every = sys.argv[1], float(sys.argv[2])
    item = chosen_item(kind)
    if item is None:
        raise SystemExit(f"no {kind} news item to edit")
    teaser = item.teaser
    fields = list(item.fields_of_work.all())
    extra = FieldOfWork.objects.exclude(pk__in=[field.pk for field in fields]).first()
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    print("ready", flush=True)  # noqa: T201 - read by bench/run.py
    saves = 0
    while not stopping:
        saves += 1
        item.teaser = f"{teaser} (edit {saves})"
        item.save()
        item.fields_of_work.set([*fields, extra] if saves % 2 and extra else fields)
        deadline = time.monotonic() + every
        while not stopping and time.monotonic() < deadline:
            time.sleep(0.05)
    item.teaser = teaser
    item.save()
    item.fields_of_work.set(fields)
    print(f"saves {saves}", flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
