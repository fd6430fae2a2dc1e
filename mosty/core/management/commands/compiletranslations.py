from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Compile the .po translation files into .mo files with Babel, so that no system "
            "gettext is needed (Django's compilemessages requires it).")

    def handle(self, *args: object, **options: object) -> None:
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                with po_path.open("rb") as handle:
                    catalog = read_po(handle, locale=po_path.parent.parent.name)
                with po_path.with_suffix(".mo").open("wb") as handle:
                    write_mo(handle, catalog)
                self.stdout.write(f"compiled {po_path.relative_to(locale_dir)}")
