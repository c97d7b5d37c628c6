from django.core.management.base import BaseCommand, CommandError

from website.roles import MissingPermissions, setup_roles


class Command(BaseCommand):
    help = (
        "Create the Editor and Publisher groups or give them the permissions in website/roles.py, "
        "removing any others unless --keep-added. Prints what it changed. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-added",
            action="store_true",
            help="Leave permissions an administrator added to the roles in place.",
        )

    def handle(self, *args, **options):
        try:
            result = setup_roles(keep_added=options["keep_added"])
        except MissingPermissions as error:
            raise CommandError(f"Permissions not found (run migrate first): {error}") from None
        if not options["verbosity"]:
            return
        for name, change in result.items():
            if change.created:
                self.stdout.write(f"Roles: {name} created ({len(change.added)} permissions).")
                continue
            if change.added:
                self.stdout.write(f"Roles: {name}: added {', '.join(change.added)}.")
            if change.removed:
                self.stdout.write(f"Roles: {name}: removed {', '.join(change.removed)}.")
            if change.kept:
                kept = ", ".join(change.kept)
                self.stdout.write(f"Roles: {name}: kept {kept} (added by an administrator).")
            if not (change.added or change.removed or change.kept):
                self.stdout.write(f"Roles: {name} unchanged.")
