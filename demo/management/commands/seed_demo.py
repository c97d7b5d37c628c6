"""`manage.py seed_demo --news N --seed S [--projects N --documents N]`: replace the demo
content (see `demo`)."""

import argparse
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from core.content_changes import content_changed
from demo.seeding import DemoError, seed_demo
from news.models import FieldOfWork


def item_count(value):
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of items, 0 or more: {value!r}")
    return number


class Command(BaseCommand):
    help = (
        "Replace the demo news items, meetings, projects, documents and field-operation "
        "profiles with deterministic, realistic content on the real taxonomy (loading it first "
        "if the database has none). Content an editor wrote is never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--news", type=item_count, default=400, help="How many news items (400)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Same seed, same content (default 1)."
        )
        parser.add_argument(
            "--projects",
            type=item_count,
            default=0,
            help="How many projects besides the handcrafted dozen (0; bench/run.py: 10,000).",
        )
        parser.add_argument(
            "--documents",
            type=item_count,
            default=0,
            help="How many documents besides the handcrafted ones, with file rows but no PDFs "
            "of their own (0; bench/run.py: 100,000).",
        )

    def handle(self, *args, news, seed, verbosity, projects, documents, **options):
        if not FieldOfWork.objects.exists():
            call_command("load_taxonomy", verbosity=verbosity)
        show_progress = verbosity > 0 and sys.stderr.isatty()

        def progress(**kwargs):
            return tqdm(
                unit="item", file=sys.stderr, disable=not show_progress, leave=False, **kwargs
            )

        try:
            result = seed_demo(
                news, seed, progress=progress, projects=projects, documents=documents
            )
        except DemoError as error:
            raise CommandError(str(error)) from error
        # Bulk inserts send no signals: tell the page cache and the facet index ourselves.
        content_changed()
        if verbosity > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content (seed {seed}): {result.news} news items ({result.drafts} "
                    f"drafts, {result.scheduled} scheduled, {result.joint} issued jointly, "
                    f"{result.with_image} with one of {result.images} images) and "
                    f"{result.meetings} meetings in {result.series} series, "
                    f"{result.projects} projects, {result.documents} documents, "
                    f"{result.field_operations} field-operation profiles with demo figures; "
                    "replaced "
                    f"{result.replaced_news} items and {result.replaced_meetings} meetings."
                )
            )
