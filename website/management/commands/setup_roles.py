from django.core.management.base import BaseCommand, CommandError

from website.roles import MissingPermissions, setup_roles


class Command(BaseCommand):
    help = (
        "Create or reset the Editor and Publisher groups so their permissions are exactly "
        "those in news/roles.py. Safe to run again."
    )

    def handle(self, *args, **options):
        try:
            result = setup_roles()
        except MissingPermissions as error:
            raise CommandError(f"Permissions not found (run migrate first): {error}") from None
        summary = ", ".join(
            f"{name} {'created' if created else 'reset'} ({count} permissions)"
            for name, (created, count) in result.items()
        )
        if options["verbosity"]:
            self.stdout.write(f"Roles: {summary}.")
