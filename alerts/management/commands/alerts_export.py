"""Everything stored about one e-mail address, as JSON on standard output (a data subject's
request). The address is read from the argument, never logged."""

import json

from django.core.management.base import BaseCommand, CommandError

from alerts import services


class Command(BaseCommand):
    help = "Print, as JSON, everything the alerts store about an e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        data = services.export(email)
        if data is None:
            raise CommandError("No subscriber with that address.")
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
