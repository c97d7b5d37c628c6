"""Compile the `.po` catalogues in `locale/` into the `.mo` files Django reads.

Django's own `compilemessages` needs GNU gettext's `msgfmt`, which a fresh machine may lack;
Babel writes the same files in pure Python. Only stale catalogues are compiled, so set-up
runs it every time at no cost. Compiled files are not committed (they are build output).
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files (only those that changed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile every catalogue.")

    def handle(self, *args, force=False, **options):
        compiled = unchanged = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if (
                    not force
                    and mo_path.exists()
                    and mo_path.stat().st_mtime >= po_path.stat().st_mtime
                ):
                    unchanged += 1
                    continue
                try:
                    with po_path.open("rb") as source:
                        catalog = read_po(source, locale=po_path.parts[-3])
                except Exception as error:
                    raise CommandError(f"{po_path}: {error}") from error
                with mo_path.open("wb") as target:
                    write_mo(target, catalog, use_fuzzy=False)
                compiled += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"compiled {po_path}")
        self.stdout.write(f"Translations: {compiled} compiled, {unchanged} up to date.")
