"""Move images (of news items, projects and every content type with one) between the public
and the private storage as their items' state comes due: a scheduled item's picture becomes
public, an expired item's private (news.media_privacy). Run it every minute from cron (or a
systemd timer) on one machine:

    * * * * *  cd /srv/osce && .venv/bin/python manage.py sync_image_privacy --verbosity 0

Until it runs, a scheduled item that came due shows its picture through Django (the
`news_image` view) instead of the public storage; nothing is public before its time.
`--all` checks the files of every image, not only those whose recorded place is out of date
(after an upgrade, a restore from backup or files copied by hand).
"""

from django.core.management.base import BaseCommand

from core.content_changes import content_changed
from news.media_privacy import misplaced, place_image


class Command(BaseCommand):
    help = "Make images public or private as their items' schedules and expiries come due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Check where the files of every image are, not only the images due a move.",
        )

    def handle(self, *args, **options):
        due = misplaced(everything=options["all"])
        counts = {True: 0, False: 0}
        for name, public in sorted(due.items()):
            moved = place_image(name, public)
            counts[public] += bool(moved)
            if moved and options["verbosity"] >= 2:
                self.stdout.write(f"{name}: {'public' if public else 'private'}")
        if any(counts.values()):
            # Pages cached with the old URLs are made again with the new ones.
            content_changed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Image privacy: {counts[True]} made public, {counts[False]} made private, "
                f"of {len(due)} images checked."
            )
        )
