from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from mosty.core import backup


class Command(BaseCommand):
    help = ("Restore a folder written by `mosty backup` into the configured database (its "
            "tables are replaced) and MEDIA_ROOT. Stop the web servers and workers first.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="a folder written by `mosty backup`")
        parser.add_argument("--no-input", action="store_false", dest="interactive",
                            help="do not ask for confirmation")

    def handle(self, *args: object, **options: object) -> None:
        directory = options["directory"]
        assert isinstance(directory, Path)
        database = settings.DATABASES["default"]
        if options["interactive"]:
            answer = input(f"Replace everything in {database['NAME']} and {settings.MEDIA_ROOT} "
                           f"with the backup in {directory}? Type 'yes' to go on: ")
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        connections.close_all()
        try:
            backup.restore(directory, database, Path(settings.MEDIA_ROOT))
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"restored {directory}")
