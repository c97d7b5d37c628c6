"""Delete an e-mail address with all its subscriptions and what was owed to it."""

from django.core.management.base import BaseCommand, CommandError

from alerts import services


class Command(BaseCommand):
    help = "Delete an e-mail address and all its alert subscriptions."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not services.delete(email):
            raise CommandError("No subscriber with that address.")
        self.stdout.write("Deleted the address and its subscriptions.")
