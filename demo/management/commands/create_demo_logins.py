"""Demo logins for the Quickstart: one per role, with fresh passwords printed each time.

Refuses to run with DEBUG off, so a production database never gets well-known accounts.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_ACCOUNTS = [
    ("admin", None, "superuser: everything, including users"),
    ("publisher", "Publisher", "publishes, schedules, edits the taxonomy"),
    ("editor", "Editor", "writes drafts"),
]


class Command(BaseCommand):
    help = "Create or reset the demo admin, publisher and editor logins and print them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )
        parser.add_argument(
            "--site", default="http://127.0.0.1:8000", help="Where the printed admin URL points."
        )

    def handle(self, *args, force=False, site="http://127.0.0.1:8000", **options):
        if not settings.DEBUG and not force:
            raise CommandError("Demo logins are for development only (DEBUG is off).")
        user_model = get_user_model()
        lines = []
        for username, group_name, role in DEMO_ACCOUNTS:
            user, _ = user_model.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            password = f"{username}-{secrets.token_urlsafe(9)}"
            user.set_password(password)
            user.is_staff = True
            user.is_superuser = group_name is None
            user.save()
            if group_name:
                try:
                    group = Group.objects.get(name=group_name)
                except Group.DoesNotExist:
                    raise CommandError("Run `manage.py setup_roles` first.") from None
                user.groups.set([group])
            lines.append(f"  {username:<10} {password:<24} {role}")
        admin_url = f"{site.rstrip('/')}/admin/"
        self.stdout.write(f"Demo logins for {admin_url} (new passwords each run):")
        self.stdout.write("\n".join(lines))
