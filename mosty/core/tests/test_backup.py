"""`mosty backup` then `mosty restore` into an empty instance gives back every row and file."""
import shutil
import sqlite3
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from mosty.core import backup
from mosty.directory.models import Organisation
from mosty.directory.tests.factories import OrganisationFactory
from mosty.events.models import EventFile
from mosty.programmes.models import Event, Programme

PDF = b"%PDF-1.4\n% Mosty backup test\n" + bytes(range(256))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def load_some_data() -> EventFile:
    organisations = [OrganisationFactory(name=f"Stowarzyszenie Kopii {n}") for n in range(3)]
    programme = Programme.objects.create(name="Program kopii", slug="program-kopii",
                                         organiser=organisations[0])
    start = timezone.now() + timedelta(days=3)
    event = Event.objects.create(programme=programme, slug="warsztat-kopii", title="Warsztat",
                                 kind="workshop", start=start, end=start + timedelta(hours=2))
    document = EventFile(event=event, kind="material", title="Program warsztatu")
    document.file.save("program.pdf", ContentFile(PDF))
    return document


def restored_rows(database: dict, sql: str) -> list[tuple]:
    """Read the restored database through a connection of its own (not Django's alias)."""
    default = connections["default"]
    other = default.__class__({**default.settings_dict, **database}, alias="restored")
    try:
        with other.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        other.close()


@pytest.fixture
def empty_database(tmp_path):
    """A fresh SQLite file, or a fresh PostgreSQL database next to the test database."""
    if connection.vendor == "sqlite":
        yield {"NAME": str(tmp_path / "restored.sqlite3")}
        return
    if connection.vendor != "postgresql":
        pytest.skip(f"backups support SQLite and PostgreSQL, not {connection.vendor}")
    for program in ("pg_dump", "pg_restore"):
        if shutil.which(program) is None:
            pytest.skip(f"{program} is not on the PATH; PostgreSQL backups need it")
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {"NAME": name}
    connections.close_all()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_instance(media, tmp_path, empty_database):
    document = load_some_data()
    call_command("backup", str(tmp_path / "backup"))
    shutil.rmtree(media)

    backup.restore(tmp_path / "backup", {**connection.settings_dict, **empty_database}, media)

    names = restored_rows(empty_database, f"SELECT name FROM {Organisation._meta.db_table}")
    assert {"Stowarzyszenie Kopii 0", "Stowarzyszenie Kopii 1", "Stowarzyszenie Kopii 2"} \
        <= {row[0] for row in names}
    assert restored_rows(empty_database, f"SELECT slug FROM {Programme._meta.db_table}") \
        == [("program-kopii",)]
    assert restored_rows(empty_database, f"SELECT slug, title FROM {Event._meta.db_table}") \
        == [("warsztat-kopii", "Warsztat")]
    files = restored_rows(empty_database, f"SELECT file FROM {EventFile._meta.db_table}")
    assert files == [(document.file.name,)]
    assert (media / document.file.name).read_bytes() == PDF


@pytest.mark.django_db(transaction=True)
def test_a_folder_is_backed_up_into_once(media, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    with pytest.raises(backup.BackupError):
        backup.backup(tmp_path / "backup", media)


def test_restore_refuses_a_backup_of_another_database(tmp_path, media):
    folder = tmp_path / "backup"
    folder.mkdir()
    (folder / backup.MANIFEST_FILE).write_text(
        '{"database": "postgresql", "database_file": "database.dump",'
        ' "media_file": "media.tar.gz"}')
    target = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "x.sqlite3")}
    with pytest.raises(backup.BackupError, match="postgresql"):
        backup.restore(folder, target, media)
    assert not sqlite3.connect(target["NAME"]).execute(
        "SELECT name FROM sqlite_master").fetchall()
