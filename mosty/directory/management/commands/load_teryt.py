from pathlib import Path

from django.core.management.base import BaseCommand

from mosty.directory.models import Territory
from mosty.directory.teryt import SHIPPED_TERC, load_terc


class Command(BaseCommand):
    help = "Load (or refresh) voivodeships, powiats and gminas from a TERC.csv file of GUS."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(SHIPPED_TERC))

    def handle(self, *args: object, **options: object) -> None:
        count = load_terc(Territory, Path(str(options["path"])))
        self.stdout.write(f"{count} territorial units loaded.")
