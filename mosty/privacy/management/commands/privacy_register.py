from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation

from mosty.privacy.register import entries


class Command(BaseCommand):
    help = ("Print the register of processing (rejestr czynności przetwarzania) generated from "
            "the personal-data declarations of the models, as Markdown.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--language", default="pl", help="pl (default) or en")

    def handle(self, *args: object, **options: str) -> None:
        with translation.override(options["language"]):
            category = None
            for entry in entries():
                if entry.category != category:
                    category = entry.category
                    self.stdout.write(f"\n## {category}\n")
                fields = ", ".join(entry.field_names()) or "—"
                self.stdout.write(
                    f"- **{entry.name}** (`{entry.label}`): {entry.declaration.purpose}; "
                    f"{entry.basis}; {fields}; {entry.declaration.retention}; "
                    f"{entry.on_erasure}")
