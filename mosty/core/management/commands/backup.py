from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mosty.core import backup


class Command(BaseCommand):
    help = ("Back up the configured database (SQLite online backup or pg_dump) and the "
            "uploaded files (MEDIA_ROOT) into a new folder; `mosty restore DIR` puts them back.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="an empty or new folder")

    def handle(self, *args: object, **options: object) -> None:
        directory = options["directory"]
        assert isinstance(directory, Path)
        try:
            made = backup.backup(directory, Path(settings.MEDIA_ROOT))
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"database: {made.database_file}\nfiles: {made.media_file}")
